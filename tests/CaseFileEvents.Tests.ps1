<#
    User stories for case file events and case exports, as an investigator writes them, against an
    emulator this file starts on a free port. Needs a build: ./build.ps1 -Task Build, or run
    everything with ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 40 -Tickets 5 -Seed 42
    Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential | Out-Null

    # A case of the seed that has file events, and a fresh open one to attach them to.
    $script:Source = Get-Case | Where-Object { @(Get-CaseFileEvent $_.Number -First 4).Count -ge 4 } | Select-Object -First 1
    function New-InvestigationCase {
        New-Case -Name "Pester evidence $([guid]::NewGuid().ToString('N').Substring(0, 10))"
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Attaching the events that prove a case' {
    It 'lists a case''s events as a table with file, severity and availability' {
        $text = Get-CaseFileEvent $Source.Number | Format-Table | Out-String -Width 200

        $text | Should -Match 'Case\s+Time\s+FileName\s+Severity\s+Score\s+File\s+EventId'
    }

    It 'attaches events found on another case, and attaching them again changes nothing' {
        $case = New-InvestigationCase
        $evidence = @(Get-CaseFileEvent $Source.Number -First 4)

        $evidence | Add-CaseFileEvent -CaseNumber $case.Number
        $evidence | Add-CaseFileEvent -CaseNumber $case.Number

        @(Get-CaseFileEvent $case.Number).EventId | Should -Be $evidence.EventId
    }

    It 'shows the full detail of an event with its nested parts' {
        $event = Get-CaseFileEvent $Source.Number -First 1 | Get-CaseFileEvent

        $event.File.Name | Should -Not -BeNullOrEmpty
        $event.User.Email | Should -Match '@'
        $event.Risk.Severity | Should -Not -BeNullOrEmpty
        ($event | Format-List | Out-String) | Should -Match 'Destination'
    }

    It 'detaches an event with -WhatIf first, then for real' {
        $case = New-InvestigationCase
        Get-CaseFileEvent $Source.Number -First 2 | Add-CaseFileEvent -CaseNumber $case.Number
        $first = Get-CaseFileEvent $case.Number -First 1

        $first | Remove-CaseFileEvent -WhatIf
        @(Get-CaseFileEvent $case.Number).Count | Should -Be 2

        $first | Remove-CaseFileEvent
        @(Get-CaseFileEvent $case.Number).EventId | Should -Not -Contain $first.EventId
    }

    It 'reports an event that does not exist and attaches nothing' {
        $case = New-InvestigationCase

        Add-CaseFileEvent -CaseNumber $case.Number -EventId 'no-such-event' -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'FileEventNotFound,*'
        "$($problems[0])" | Should -Match 'no-such-event'
        @(Get-CaseFileEvent $case.Number).Count | Should -Be 0
    }
}

Describe 'Handing the evidence on' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $Folder | Out-Null
    }

    It 'saves the summary PDF, the events CSV and the whole case as a ZIP' {
        $pdf = Export-CaseSummary -CaseNumber $Source.Number -Path $Folder
        $csv = $Source | Export-CaseFileEvent -Path (Join-Path $Folder 'events.csv')
        $zip = Export-Case -CaseNumber $Source.Number -Path $Folder -ExcludeFiles

        $pdf | Should -BeOfType System.IO.FileInfo
        [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($pdf.FullName), 0, 5) | Should -Be '%PDF-'
        (Get-Content $csv.FullName -TotalCount 1) | Should -Match '^eventId,'
        @(Get-Content $csv.FullName).Count - 1 | Should -Be @(Get-CaseFileEvent $Source.Number).Count
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip.FullName)
        try { $archive.Entries.FullName | Where-Object { $_ -like 'files/*' } | Should -BeNullOrEmpty }
        finally { $archive.Dispose() }
    }

    It 'saves every captured source file of a case into a folder' {
        $captured = @(Get-CaseFileEvent $Source.Number | Where-Object FileAvailability -ne 'NO_FILE_AVAILABLE')

        $files = Get-CaseFileEvent $Source.Number | Where-Object FileAvailability -ne 'NO_FILE_AVAILABLE' | Save-CaseFileEventSource -Path $Folder

        @($files).Count | Should -Be $captured.Count
        $files.Name | Should -Be $captured.FileName
        Get-ChildItem $Folder -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'does not overwrite a file without -Force' {
        $target = Join-Path $Folder 'report.pdf'
        Set-Content -Path $target -Value 'my notes'

        Export-CaseSummary -CaseNumber $Source.Number -Path $target -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
        Get-Content $target | Should -Be 'my notes'
        (Export-CaseSummary -CaseNumber $Source.Number -Path $target -Force).Length | Should -BeGreaterThan 100
    }

    It 'stops before downloading when the folder does not exist' {
        { Export-Case -CaseNumber $Source.Number -Path (Join-Path $Folder 'missing/case.zip') -ErrorAction Stop } |
            Should -Throw -ErrorId 'FolderNotFound,CaseOps.Cmdlets.FileEvents.ExportCaseCommand'
    }

    It 'exports several cases in one pipeline, one file each' {
        $cases = Get-Case -First 3

        $files = $cases | Export-CaseSummary -Path $Folder

        @($files).Count | Should -Be 3
        @(Get-ChildItem $Folder -Filter '*.pdf').Count | Should -Be 3
    }

    It 'Get-Help answers for every file event cmdlet' {
        foreach ($name in 'Get-CaseFileEvent', 'Add-CaseFileEvent', 'Remove-CaseFileEvent', 'Export-CaseSummary', 'Export-CaseFileEvent', 'Export-Case', 'Save-CaseFileEventSource') {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $name
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 -Because $name
        }
    }
}
