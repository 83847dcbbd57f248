<#
    The runbooks of docs/runbooks.md, run exactly as written: each code block is saved to a file and run
    by a new pwsh process without a console profile, connected only through the CASEOPS_* environment
    variables, as Azure Automation or a scheduled job runs it, against an emulator this file starts.
    Needs a build: ./build.ps1 -Task Build, or ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 30 -Tickets 20 -Seed 11

    # The test itself checks through its own connections; the runbooks get only the environment.
    $null = Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential
    $null = Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken

    $script:SavedEnvironment = @{}
    $runbookEnvironment = @{
        CASEOPS_INCYDR_URL           = $Sandbox.Uri
        CASEOPS_INCYDR_CLIENT_ID     = $Sandbox.ClientId
        CASEOPS_INCYDR_CLIENT_SECRET = $Sandbox.ClientSecret
        CASEOPS_ZAMMAD_URL           = $Sandbox.ZammadUri
        CASEOPS_ZAMMAD_TOKEN         = $Sandbox.ZammadTokenText
        PSModulePath                 = (Join-Path $repoRoot 'artifacts/module') + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    foreach ($name in $runbookEnvironment.Keys) {
        $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $runbookEnvironment[$name])
    }

    $script:RunbookPage = Get-Content -Raw -Path (Join-Path $repoRoot 'docs/runbooks.md')

    # The first powershell code block under the '## <Title>' heading of docs/runbooks.md.
    function Get-Runbook([string] $Title) {
        $pattern = '(?s)\n## ' + [regex]::Escape($Title) + '\r?\n.*?```powershell\r?\n(.*?)```'
        $match = [regex]::Match($RunbookPage, $pattern)
        if (-not $match.Success) { throw "docs/runbooks.md has no runbook under '## $Title'" }
        $match.Groups[1].Value
    }

    # Runs a runbook in a new process, as a job would; returns its exit code and output lines.
    function Invoke-Runbook([string] $Title, [string[]] $Arguments = @()) {
        $file = Join-Path $TestDrive (($Title -replace '\W+', '-') + '.ps1')
        Set-Content -Path $file -Value (Get-Runbook $Title) -Encoding utf8
        $pwsh = (Get-Process -Id $PID).Path
        $output = & $pwsh -NoProfile -NonInteractive -File $file @Arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
}

AfterAll {
    if ($script:SavedEnvironment) {
        foreach ($name in $SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
    }
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Runbook: tag new USB tickets every hour' {
    It 'tags every new ticket about USB once, and leaves the others alone' {
        $usb = @(
            New-Ticket -Title 'USB stick found in meeting room' -Group 'Insider Risk' -Customer bob@example.com -Body 'Found by facilities'
            New-Ticket -Title 'Lost USB drive with payroll export' -Group 'Insider Risk' -Customer bob@example.com -Body 'Reported by HR'
        )
        $other = New-Ticket -Title 'Printer jam on floor 3' -Group 'Insider Risk' -Customer bob@example.com -Body 'Paper everywhere'
        $expected = @(Get-Ticket -Query 'state.name:new' | Where-Object Title -like '*USB*')
        $expected.Id | Should -Contain $usb[0].Id
        $expected.Id | Should -Contain $usb[1].Id

        $run = Invoke-Runbook 'Tag new USB tickets every hour'
        $again = Invoke-Runbook 'Tag new USB tickets every hour'

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $again.ExitCode | Should -Be 0 -Because ($again.Output -join "`n")
        $run.Output[-1] | Should -BeLike "Tagged $($expected.Count) new ticket(s) with insider-risk: *"
        foreach ($ticket in $expected) {
            @(Get-TicketTag -TicketId $ticket.Id | Where-Object Name -eq 'insider-risk').Count | Should -Be 1
        }
        @(Get-TicketTag -TicketId $other.Id | Where-Object Name -eq 'insider-risk').Count | Should -Be 0
    }
}

Describe 'Runbook: export every case closed yesterday' {
    It 'saves a summary PDF and a file events CSV for each case closed in the window, in a folder per case' {
        $numbers = @(Get-Case -Status Open -First 2).Number
        $numbers | ForEach-Object { Set-Case -Number $_ -Status Closed -Confirm:$false }
        $since = [datetime]::UtcNow.Date
        $until = $since.AddDays(1)
        $expected = @(Get-Case -Status Closed -UpdatedAfter $since -UpdatedBefore $until)
        $expected.Number | Should -Contain $numbers[0]
        $expected.Number | Should -Contain $numbers[1]
        $folder = Join-Path $TestDrive 'closed'

        $run = Invoke-Runbook 'Export every case closed yesterday' @('-Folder', $folder, '-Since', $since.ToString('o'), '-Until', $until.ToString('o'))

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -BeLike "Exported $($expected.Count) case(s) closed between * to $folder"
        $caseFolders = @(Get-ChildItem -Path $folder -Directory)
        ($caseFolders.Name | Sort-Object) -join ',' | Should -Be (($expected.Number | Sort-Object | ForEach-Object { "case-$_" }) -join ',')
        foreach ($caseFolder in $caseFolders) {
            $pdf = @(Get-ChildItem -Path $caseFolder.FullName -Filter *.pdf)
            $csv = @(Get-ChildItem -Path $caseFolder.FullName -Filter *.csv)
            $pdf.Count | Should -Be 1
            $csv.Count | Should -Be 1
            [IO.File]::ReadAllBytes($pdf[0].FullName)[0..3] | Should -Be ([byte[]][char[]]'%PDF')
            (Get-Content -Path $csv[0].FullName -TotalCount 1) | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Runbook: reassign the open cases of a departing investigator' {
    It 'moves every open case of one investigator to another, by username, and only those' {
        $from = (Get-Case -Status Open | Where-Object AssigneeUsername | Group-Object AssigneeUsername | Sort-Object Count -Descending | Select-Object -First 1).Name
        $to = (Get-IncydrUser | Where-Object { $_.Username -ne $from -and $_.Active } | Select-Object -First 1).Username
        $from | Should -Not -BeNullOrEmpty
        $to | Should -Not -BeNullOrEmpty
        $before = @(Get-Case -Status Open -Assignee $from)
        $before.Count | Should -BeGreaterThan 0
        $othersBefore = @(Get-Case -Status Open | Where-Object AssigneeUsername -ne $from | ForEach-Object { "$($_.Number)=$($_.AssigneeUsername)" })

        $plan = Invoke-Runbook 'Reassign the open cases of a departing investigator' @('-From', $from, '-To', $to, '-WhatIf')
        $plan.ExitCode | Should -Be 0 -Because ($plan.Output -join "`n")
        @(Get-Case -Status Open -Assignee $from).Count | Should -Be $before.Count -Because '-WhatIf changes nothing'

        $run = Invoke-Runbook 'Reassign the open cases of a departing investigator' @('-From', $from, '-To', $to)

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -BeLike "Moved $($before.Count) of $($before.Count) open case(s) from $from to ${to}: *"
        @(Get-Case -Status Open -Assignee $from).Count | Should -Be 0
        foreach ($number in $before.Number) { (Get-Case -Number $number).AssigneeUsername | Should -Be $to }
        $othersAfter = @(Get-Case -Status Open | Where-Object { $before.Number -notcontains $_.Number } | ForEach-Object { "$($_.Number)=$($_.AssigneeUsername)" })
        ($othersAfter | Sort-Object) -join ';' | Should -Be (($othersBefore | Sort-Object) -join ';')
    }
}

Describe 'Runbook: keep a ticket for every case' {
    BeforeAll {
        # A stand-in for Azure Automation's Get-/Set-AutomationVariable, found by module autoloading in the
        # runbook's process, keeping the variables in a JSON file the test reads.
        $fakeRoot = Join-Path $TestDrive 'automation-modules'
        $fakeFolder = New-Item -ItemType Directory -Path (Join-Path $fakeRoot 'FakeAutomation') -Force
        Set-Content -Path (Join-Path $fakeFolder 'FakeAutomation.psm1') -Value @'
function Get-AutomationVariable([string] $Name) {
    $store = Get-Content -Raw -Path $env:FAKE_AUTOMATION_STORE | ConvertFrom-Json
    if (-not ($store.PSObject.Properties.Name -contains $Name)) { throw "Variable $Name not found." }
    $store.$Name
}
function Set-AutomationVariable([string] $Name, $Value) {
    $store = Get-Content -Raw -Path $env:FAKE_AUTOMATION_STORE | ConvertFrom-Json
    $store.$Name = $Value
    $store | ConvertTo-Json | Set-Content -Path $env:FAKE_AUTOMATION_STORE
    Add-Content -Path "$env:FAKE_AUTOMATION_STORE.log" -Value "$Name=$Value"
}
Export-ModuleMember -Function Get-AutomationVariable, Set-AutomationVariable
'@
        $script:Store = Join-Path $TestDrive 'automation.json'
        [ordered]@{
            CaseOpsIncydrUrl = $Sandbox.Uri; CaseOpsIncydrClientId = $Sandbox.ClientId; CaseOpsIncydrClientSecret = $Sandbox.ClientSecret
            CaseOpsZammadUrl = $Sandbox.ZammadUri; CaseOpsZammadToken = $Sandbox.ZammadTokenText; CaseSyncWatermark = ''
        } | ConvertTo-Json | Set-Content -Path $Store
        $script:SavedModulePath = $env:PSModulePath
        $env:PSModulePath = $fakeRoot + [IO.Path]::PathSeparator + $env:PSModulePath
        $env:FAKE_AUTOMATION_STORE = $Store
        # The runbook must not lean on the job's environment when the Automation variables exist.
        $script:SavedUrl = $env:CASEOPS_INCYDR_URL
        $env:CASEOPS_INCYDR_URL = 'https://wrong.example.invalid'
    }

    AfterAll {
        $env:PSModulePath = $SavedModulePath
        $env:CASEOPS_INCYDR_URL = $SavedUrl
        Remove-Item Env:FAKE_AUTOMATION_STORE -ErrorAction SilentlyContinue
    }

    It 'gives every case one ticket, keeps the watermark in the Automation variable, and resumes from it' {
        $cases = @(Get-Case)
        $checkpoint = Join-Path $TestDrive 'case-sync.watermark'
        $arguments = @('-CheckpointPath', $checkpoint)

        $run = Invoke-Runbook 'Keep a ticket for every case' $arguments

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -Be "Synced cases: $($cases.Count) created, 0 updated, 0 closed, 0 unchanged, 0 failed"
        $newest = ($cases | Measure-Object -Property UpdatedAt -Maximum).Maximum
        [datetimeoffset](Get-Content -Raw $Store | ConvertFrom-Json).CaseSyncWatermark | Should -Be ([datetimeoffset]$newest)
        foreach ($case in $cases) {
            $tickets = @(Get-Ticket -Query "tags:`"incydr-case-$($case.Number)`"")
            $tickets.Count | Should -Be 1 -Because "case $($case.Number) has one ticket"
            $tickets[0].State | Should -Be $(if ($case.Status -eq 'Open') { 'open' } else { 'closed' })
        }

        # The job's disk is gone: only the Automation variable remembers where the last run stopped.
        Remove-Item -Path $checkpoint
        $again = Invoke-Runbook 'Keep a ticket for every case' $arguments

        $again.ExitCode | Should -Be 0 -Because ($again.Output -join "`n")
        $again.Output[-1] | Should -Be 'Synced cases: 0 created, 0 updated, 0 closed, 1 unchanged, 0 failed' -Because 'the run starts at the newest case already done'
    }
}
