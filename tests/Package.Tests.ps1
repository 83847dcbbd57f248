<#
    The packages users install: the PowerShell Gallery .nupkg (made by dotnet pack from a nuspec written from
    the manifest) and the Azure Automation .zip. Runs build.ps1 -Task Package in a child pwsh, then reads both
    packages and imports the Automation layout in a fresh process.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    $packageDir = Join-Path $repoRoot 'artifacts/package'
    $manifestPath = Join-Path $repoRoot 'CaseOps.psd1'
    $script:Manifest = Import-PowerShellDataFile -Path $manifestPath
    $script:Version = $Manifest.ModuleVersion
    $script:RepoLicense = Get-Content -Raw -Path (Join-Path $repoRoot 'LICENSE')

    $script:PackageOutput = & pwsh -NoProfile -NonInteractive -File (Join-Path $repoRoot 'build.ps1') -Task Package 2>&1 | Out-String
    $script:PackageExit = $LASTEXITCODE
    $script:Nupkg = Join-Path $packageDir "CaseOps.$Version.nupkg"
    $script:AutomationZip = Join-Path $packageDir 'CaseOps.zip'

    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    function Get-ZipEntry([string] $Path) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try { $zip.Entries | ForEach-Object { $_.FullName } } finally { $zip.Dispose() }
    }
    function Read-ZipText([string] $Path, [string] $Entry) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            $reader = [System.IO.StreamReader]::new($zip.GetEntry($Entry).Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }
}

Describe 'build.ps1 -Task Package' {
    It 'succeeds and writes the Gallery package and the Automation zip' {
        $PackageExit | Should -Be 0 -Because $PackageOutput
        $Nupkg | Should -Exist
        $AutomationZip | Should -Exist
        $PackageOutput | Should -Match 'dotnet pack'
    }
}

Describe 'The Gallery package' {
    BeforeAll {
        $script:Entries = @(Get-ZipEntry $Nupkg)
        $script:Nuspec = [xml](Read-ZipText $Nupkg 'CaseOps.nuspec')
        $script:Metadata = $Nuspec.package.metadata
    }

    It 'holds the module at its root, the engine and its dependencies in Dependencies/' {
        foreach ($file in 'CaseOps.psd1', 'CaseOps.dll', 'CaseOps.Models.dll', 'CaseOps.format.ps1xml', 'CaseOps.types.ps1xml',
            'en-US/CaseOps.dll-Help.xml', 'en-US/about_CaseOps.help.txt', 'LICENSE', 'Dependencies/CaseOps.Engine.dll', 'Dependencies/RestSharp.dll',
            'Dependencies/Polly.Core.dll', 'Dependencies/Microsoft.Bcl.TimeProvider.dll', 'Dependencies/Newtonsoft.Json.dll') {
            $Entries | Should -Contain $file
        }
        # No dependency beside CaseOps.dll: a copy there would be loaded into PowerShell's own context.
        @($Entries | Where-Object { $_ -match '^[^/]+\.dll$' }) | Sort-Object | Should -Be @('CaseOps.dll', 'CaseOps.Models.dll')
    }

    It 'has the OPC parts NuGet writes' {
        $Entries | Should -Contain '[Content_Types].xml'
        $Entries | Should -Contain '_rels/.rels'
        @($Entries | Where-Object { $_ -like 'package/services/metadata/core-properties/*.psmdcp' }).Count | Should -Be 1
    }

    It 'carries the manifest''s id, version, authors, description and copyright' {
        $Metadata.id | Should -Be 'CaseOps'
        $Metadata.version | Should -Be $Version
        $Metadata.authors | Should -Be $Manifest.Author
        $Metadata.description | Should -Be $Manifest.Description
        $Metadata.copyright | Should -Be $Manifest.Copyright
    }

    It 'names its LICENSE file, which is the repository''s' {
        $Metadata.license.type | Should -Be 'file'
        $Metadata.license.'#text' | Should -Be 'LICENSE'
        (Read-ZipText $Nupkg 'LICENSE') | Should -BeExactly $RepoLicense
    }

    It 'has the tags PowerShellGet gives a module with cmdlets' {
        $tags = $Metadata.tags -split ' '
        foreach ($tag in 'PSModule', 'PSIncludes_Cmdlet', 'PSEdition_Core', 'PSEdition_Desktop', 'PSCmdlet_Get-Case', 'PSCommand_Get-Ticket') {
            $tags | Should -Contain $tag
        }
        @($tags | Where-Object { $_ -like 'PSCmdlet_*' }).Count | Should -Be @($Manifest.CmdletsToExport).Count
    }
}

Describe 'The manifest and the LICENSE agree' {
    It 'LICENSE is the MIT License, as LicenseUri says' {
        $RepoLicense | Should -Match '^MIT License'
        $Manifest.PrivateData.PSData.LicenseUri | Should -Be 'https://opensource.org/licenses/MIT'
    }

    It 'the copyright line names the holder and year of LICENSE' {
        $RepoLicense -match 'Copyright \(c\) (\d{4}) (.+)' | Should -BeTrue
        $Manifest.Copyright | Should -Match ([regex]::Escape("(c) $($Matches[1]) $($Matches[2].Trim())"))
    }

    It 'has no placeholder ProjectUri' {
        $projectUri = $Manifest.PrivateData.PSData['ProjectUri']
        if ($projectUri) { $projectUri | Should -Not -Match 'example|invalid|localhost' }
        else { $projectUri | Should -BeNullOrEmpty }
    }
}

Describe 'The Azure Automation zip' {
    BeforeAll {
        $script:ZipEntries = @(Get-ZipEntry $AutomationZip)
        $script:Extracted = Join-Path ([System.IO.Path]::GetTempPath()) "caseops-automation-$([guid]::NewGuid().ToString('N'))"
        [System.IO.Compression.ZipFile]::ExtractToDirectory($AutomationZip, $Extracted)
    }
    AfterAll { Remove-Item -Recurse -Force $Extracted -ErrorAction SilentlyContinue }

    It 'has the module folder at its top, with the Dependencies subfolder inside it' {
        @($ZipEntries | Where-Object { $_ -notlike 'CaseOps/*' }) | Should -BeNullOrEmpty
        $ZipEntries | Should -Contain 'CaseOps/CaseOps.psd1'
        $ZipEntries | Should -Contain 'CaseOps/Dependencies/CaseOps.Engine.dll'
        $ZipEntries | Should -Contain 'CaseOps/Dependencies/RestSharp.dll'
        $ZipEntries | Should -Contain 'CaseOps/LICENSE'
        $ZipEntries | Should -Contain 'CaseOps/en-US/about_CaseOps.help.txt'
    }

    It 'imports in a fresh PowerShell and exports every cmdlet' {
        $psd1 = Join-Path $Extracted 'CaseOps/CaseOps.psd1'
        $count = & pwsh -NoProfile -NonInteractive -Command "Import-Module '$psd1' -ErrorAction Stop; (Get-Command -Module CaseOps).Count" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($count | Out-String)
        [int]($count | Select-Object -Last 1) | Should -Be @($Manifest.CmdletsToExport).Count
    }
}
