<#
    User stories for Incydr users: Get-IncydrUser, and people named by username in the case cmdlets, against an
    emulator this file starts on a free port. Needs a build: ./build.ps1 -Task Build, or run everything with
    ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 60 -Seed 42
    $null = Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential

    function New-UniqueName([string] $Prefix = 'Users') {
        "$Prefix $([guid]::NewGuid().ToString('N').Substring(0, 12))"
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Listing Incydr users' {
    It 'Get-IncydrUser lists every user as typed objects, the people the cases name first' {
        $users = @(Get-IncydrUser)

        $users.Count | Should -Be 13
        $users[0] | Should -BeOfType ([CaseOps.Incydr.Models.IncydrUser])
        $users[0].Username | Should -Be 'alice@example.com'
        $users[0].UserId | Should -Match '^\d+$'
        $users[-1].Username | Should -Be $Sandbox.ClientId
        $named = @(Get-Case | ForEach-Object { $_.AssigneeUsername; $_.SubjectUsername } | Where-Object { $_ } | Sort-Object -Unique)
        $named | ForEach-Object { $users.Username | Should -Contain $_ }
    }

    It 'pages from page 1 and fetches only the pages needed' {
        $output = & { Get-IncydrUser -PageSize 5 -Skip 5 -First 3 -Verbose } 4>&1
        $users = @($output | Where-Object { $_ -is [CaseOps.Incydr.Models.IncydrUser] })
        $pages = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET \S+/v1/users\?\S*\bpage=(\d+)' } |
            ForEach-Object { [void]($_.Message -match '\bpage=(\d+)'); [int]$Matches[1] })

        ($users.Username -join ',') | Should -Be 'frank@example.com,grace@example.com,heidi@example.com'
        ($pages -join ',') | Should -Be '2'
    }

    It 'filters by username, active and blocked' {
        (Get-IncydrUser carol@example.com).FirstName | Should -Be 'Carol'
        (Get-IncydrUser -Active:$false).Username | Should -Be 'oscar@example.com'
        (Get-IncydrUser -Blocked).Username | Should -Be 'mallory@example.com'
    }

    It 'reads users by id, also from objects with a UserId property' {
        $bob = Get-IncydrUser bob@example.com

        (Get-IncydrUser -UserId $bob.UserId).Username | Should -Be 'bob@example.com'
        ([pscustomobject]@{ UserId = $bob.UserId } | Get-IncydrUser).LastName | Should -Be 'Brandt'
    }

    It 'shows users as a table of id, username, state and name' {
        $text = Get-IncydrUser -Blocked | Format-Table | Out-String -Width 120

        $text | Should -Match 'UserId\s+Username\s+Active\s+Blocked\s+Name'
        $text | Should -Match '\d{18}\s+mallory@example\.com\s+True\s+True\s+Mallory Marsh'
    }
}

Describe 'People by username in the case cmdlets' {
    It 'New-Case, Set-Case and Get-Case take usernames and user objects' {
        $bob = Get-IncydrUser bob@example.com

        $case = New-Case -Name (New-UniqueName) -Assignee alice@example.com -Subject $bob
        $updated = Set-Case -Number $case.Number -Assignee carol@example.com -PassThru

        $case.AssigneeUsername | Should -Be 'alice@example.com'
        $case.Subject | Should -Be $bob.UserId
        $updated.AssigneeUsername | Should -Be 'carol@example.com'
        (Get-Case -Assignee carol@example.com).Number | Should -Contain $case.Number
        (Get-Case -Subject $bob).Number | Should -Contain $case.Number
    }

    It 'Set-Case writes nothing without -PassThru' {
        $case = New-Case -Name (New-UniqueName)

        $result = Set-Case -Number $case.Number -Description 'quiet'

        $result | Should -BeNullOrEmpty
        (Get-Case -Number $case.Number).Description | Should -Be 'quiet'
    }

    It 'an unknown username is UserNotFound, names the close matches and changes nothing' {
        $case = New-Case -Name (New-UniqueName) -Assignee alice@example.com

        $null = Set-Case -Number $case.Number -Assignee alcie@example.com -ErrorVariable e -ErrorAction SilentlyContinue

        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,CaseOps.Cmdlets.Cases.SetCaseCommand'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$e" | Should -Be "Incydr has no user with the id or username 'alcie@example.com'. Close matches: 'alice@example.com'."
        (Get-Case -Number $case.Number).AssigneeUsername | Should -Be 'alice@example.com'
    }

    It 'Tab completes usernames for -Assignee and -Subject, prefix matches first' {
        function Get-Completion([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }

        (Get-Completion 'Set-Case -Number 1 -Assignee ca') -join ',' | Should -Be "carol@example.com,$($Sandbox.ClientId),oscar@example.com"
        Get-Completion 'New-Case -Subject mal' | Should -Be 'mallory@example.com'
    }
}

Describe 'The case table' {
    It 'shows assignee and subject by username and a 50-character name whole at 120 columns' {
        # 50 characters is the longest case name Incydr accepts (docs/contracts/incydr.md, "CreateCase").
        $name = ('Longest name ' + [guid]::NewGuid().ToString('N')).PadRight(50, 'x').Substring(0, 50)
        $case = New-Case -Name $name -Assignee mallory@example.com -Subject heidi@example.com

        $lines = (Get-Case -Number $case.Number | Format-Table | Out-String -Width 120) -split "`r?`n"

        $lines | Where-Object { $_ -match 'Number\s+Status\s+Updated\s+Assignee\s+Subject\s+Name' } | Should -Not -BeNullOrEmpty
        $row = $lines | Where-Object { $_ -match "^\s*$($case.Number)\s" }
        $row | Should -Match ([regex]::Escape($name))
        $row | Should -Match 'mallory@example\.com\s+heidi@example\.com'
        ($lines | Measure-Object -Maximum Length).Maximum | Should -BeLessOrEqual 120
    }
}
