<#
    The about_CaseOps topic (docs/about_CaseOps.md, shipped as en-US/about_CaseOps.help.txt) as a user
    reaches it: Get-Help about_CaseOps in a fresh pwsh that imported the staged module. Needs a build
    (./build.ps1 -Task Build, or ./build.ps1 -Task Test); no emulator.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    $script:Manifest = [System.IO.Path]::GetFullPath((Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1'))
    if (-not (Test-Path $Manifest)) { throw "The staged module is missing ($Manifest). Build first: ./build.ps1 -Task Build" }
    $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    # A fresh process: nothing this session loaded or cached can stand in for the module's own help.
    $script:Topic = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$Manifest'; Get-Help about_CaseOps | Out-String -Width 200" 2>&1 | Out-String
    $script:Listed = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$Manifest'; (Get-Help about_Case* | Where-Object Category -eq HelpFile).Name" 2>&1 | Out-String
}

Describe 'Get-Help about_CaseOps' {
    It 'shows the topic after Import-Module' {
        $Topic | Should -Match '(?m)^TOPIC\s+about_CaseOps'
        $Topic | Should -Match 'SHORT DESCRIPTION'
    }

    It 'covers connecting, with the environment variables a job connects with' {
        foreach ($text in 'Connect-Incydr', 'Connect-Zammad', '-Connection', 'CASEOPS_INCYDR_URL', 'CASEOPS_INCYDR_CLIENT_SECRET', 'CASEOPS_ZAMMAD_TOKEN', 'Get-AutomationPSCredential') {
            $Topic | Should -BeLike "*$text*"
        }
    }

    It 'names the error ids scripts test' {
        foreach ($id in 'NotConnected', 'AuthenticationFailed', 'CaseNotFound', 'FileEventNotFound', 'ConnectionFailed', 'InvalidResponse') {
            $Topic | Should -BeLike "*$id*"
        }
    }

    It 'covers paging, concurrency, runbooks and the emulator' {
        foreach ($text in '-IncludeTotalCount', 'Select-Object -First', '-MaxConcurrency', '-Confirm:$false', '-Verbose', 'build.ps1 -Task Demo') {
            $Topic | Should -BeLike "*$text*"
        }
    }

    It 'is listed among the help topics as a help file' {
        $Listed.Trim() | Should -Be 'about_CaseOps'
    }
}
