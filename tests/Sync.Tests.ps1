<#
    User stories for Sync-CaseTicket, as the admin who keeps one Zammad ticket per Incydr case writes them,
    against an emulator this file starts on a free port (seeded with 40 cases) with both services connected
    (docs/architecture.md, "Sync-CaseTicket"). Each Describe keys its tickets with its own -KeyPrefix, so it
    never sees another one's tickets. Request counts come from the emulator's diagnostics endpoint
    (GET/DELETE /_sandbox/requests, docs/architecture.md, "The emulator"). Needs a build:
    ./build.ps1 -Task Build, or run everything with ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 40 -Tickets 10 -Seed 42
    Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential | Out-Null
    Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null

    # Where the new tickets go: a group and a customer the emulator knows.
    $script:Target = @{ Group = 'Users'; Customer = 'bob@example.com' }

    function Clear-SandboxRequest { Invoke-RestMethod -Method Delete -Uri "$($Sandbox.Uri)/_sandbox/requests" | Out-Null }

    # The requests the emulator logged since the last Clear-SandboxRequest, oldest first.
    # (Callers wrap these helpers in @(): PowerShell unrolls a returned array of one.)
    function Get-SandboxRequest { @((Invoke-RestMethod -Uri "$($Sandbox.Uri)/_sandbox/requests").requests) }

    # The tickets tagged for any of the cases, found by the module's own search (one OR query).
    function Get-TaggedTicket([string] $Prefix, [long[]] $Number) {
        $query = ($Number | ForEach-Object { "tags:`"$Prefix$_`"" }) -join ' OR '
        @(Get-Ticket -Query $query)
    }

    # The attachments of all articles of a ticket.
    function Get-AttachmentOf([long] $TicketId) { @(Get-TicketArticle -TicketId $TicketId | ForEach-Object { $_.Attachments }) }

    # The most recently changed cases, oldest change first: exactly what a listing from the first one's updatedAt returns.
    function Get-NewestCase([int] $Count) {
        $cases = @(Get-Case -SortBy UpdatedAt -Descending -First $Count)
        [array]::Reverse($cases)
        $cases
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Twenty cases piped from Get-Case' {
    BeforeAll {
        $script:Cases = @(Get-Case -SortBy UpdatedAt -First 20)
        $script:First = @(Get-Case -SortBy UpdatedAt -First 20 | Sync-CaseTicket @Target -KeyPrefix p1-)
    }

    It 'creates one ticket per case, in the order of the cases' {
        $First.Count | Should -Be 20
        $First.CaseNumber | Should -Be $Cases.Number
        $First | ForEach-Object { $_.Action | Should -Be Created }
        @($First.TicketId | Sort-Object -Unique).Count | Should -Be 20
        $First[-1].Watermark | Should -Be ($Cases[-1].UpdatedAt)
    }

    It 'tags each ticket with its case''s key and titles it after the case' {
        foreach ($result in $First) {
            (Get-TicketTag -TicketId $result.TicketId).Name | Should -Be "p1-$($result.CaseNumber)"
            (Get-Ticket -Id $result.TicketId).Title | Should -BeLike "Case $($result.CaseNumber): *"
        }
        @(Get-TaggedTicket p1- $Cases.Number).Count | Should -Be 20
    }

    It 'a second identical run reports every case Unchanged and sends no write' {
        Clear-SandboxRequest

        $again = @(Get-Case -SortBy UpdatedAt -First 20 | Sync-CaseTicket @Target -KeyPrefix p1-)

        $again.Count | Should -Be 20
        $again | ForEach-Object { $_.Action | Should -Be Unchanged }
        $again.TicketId | Should -Be $First.TicketId
        $requests = @(Get-SandboxRequest)
        @($requests | Where-Object path -eq '/zammad/api/v1/tickets/search').Count | Should -Be 1
        @($requests | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        @(Get-TaggedTicket p1- $Cases.Number).Count | Should -Be 20
    }
}

Describe 'A listing run cut off downstream resumes from its checkpoint' {
    It 'stops after 7 cases, keeps the 7th watermark, and the resumed run finishes the 20 without a duplicate' {
        $chosen = @(Get-NewestCase 20)
        $checkpoint = Join-Path $TestDrive 'watermark.txt'

        $cut = @(Sync-CaseTicket @Target -KeyPrefix p2- -CheckpointPath $checkpoint -UpdatedAfter $chosen[0].UpdatedAt | Select-Object -First 7)

        $cut.Count | Should -Be 7
        $cut.CaseNumber | Should -Be $chosen[0..6].Number
        $cut | ForEach-Object { $_.Action | Should -Be Created }
        $cut[6].Watermark | Should -Be $chosen[6].UpdatedAt
        [DateTimeOffset]::Parse((Get-Content -Raw $checkpoint).Trim(), [cultureinfo]::InvariantCulture) | Should -Be $cut[6].Watermark
        @(Get-TaggedTicket p2- $chosen.Number).Count | Should -Be 7

        $resumed = @(Sync-CaseTicket @Target -KeyPrefix p2- -CheckpointPath $checkpoint)

        # The range includes the watermark itself, so the 7th case comes again, and finds its ticket.
        $resumed.CaseNumber | Should -Be $chosen[6..19].Number
        $resumed[0].Action | Should -Be Unchanged
        $resumed[0].TicketId | Should -Be $cut[6].TicketId
        $resumed | Select-Object -Skip 1 | ForEach-Object { $_.Action | Should -Be Created }
        [DateTimeOffset]::Parse((Get-Content -Raw $checkpoint).Trim(), [cultureinfo]::InvariantCulture) | Should -Be $chosen[19].UpdatedAt
        foreach ($case in $chosen) {
            @(Get-Ticket -Query "tags:`"p2-$($case.Number)`"").Count | Should -Be 1 -Because "case $($case.Number) has one ticket"
        }
        @(Get-ChildItem -Path $TestDrive -Force).Name | Should -Be 'watermark.txt'
    }
}

Describe 'Closing a case' {
    It 'attaches the summary PDF once and closes the ticket; the next run changes nothing' {
        $number = (Get-Case -Status Open -SortBy UpdatedAt -First 1).Number
        $created = Sync-CaseTicket -Number $number @Target -KeyPrefix p3-
        $created.Action | Should -Be Created
        (Get-Ticket -Id $created.TicketId).State | Should -Be 'open'
        Set-Case -Number $number -Status Closed -Confirm:$false

        $closed = @(Sync-CaseTicket -Number $number @Target -KeyPrefix p3-)

        $closed.Count | Should -Be 1
        $closed[0].Action | Should -Be Closed
        $closed[0].Changes | Should -Be @('pdf', 'state:closed')
        $closed[0].TicketId | Should -Be $created.TicketId
        (Get-Ticket -Id $created.TicketId).State | Should -Be 'closed'
        $attachments = @(Get-AttachmentOf $created.TicketId)
        $attachments.Count | Should -Be 1
        $attachments[0].FileName | Should -Be "Case-$number.pdf"
        $attachments[0].Size | Should -BeGreaterThan 0

        Clear-SandboxRequest
        $again = @(Sync-CaseTicket -Number $number @Target -KeyPrefix p3-)

        $again.Count | Should -Be 1
        $again[0].Action | Should -Be Unchanged
        $again[0].Changes | Should -BeNullOrEmpty
        @(Get-SandboxRequest | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        @(Get-AttachmentOf $created.TicketId).Count | Should -Be 1
        @(Get-TaggedTicket p3- $number).Count | Should -Be 1
    }
}

Describe 'Showing the plan with -WhatIf' {
    It 'reads but creates no ticket and sends no write' {
        $cases = @(Get-Case -SortBy UpdatedAt -First 5)
        Clear-SandboxRequest

        $out = @($cases | Sync-CaseTicket @Target -KeyPrefix p4- -WhatIf)

        @($out | Where-Object { $null -ne $_.TicketId }) | Should -BeNullOrEmpty
        $requests = @(Get-SandboxRequest)
        @($requests | Where-Object path -eq '/zammad/api/v1/tickets/search').Count | Should -Be 1
        @($requests | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        Get-TaggedTicket p4- $cases.Number | Should -BeNullOrEmpty
    }
}

Describe 'Results that scripts save and show' {
    BeforeAll {
        # A closed case (three changes) and an open one (one change), so Changes has both shapes.
        $numbers = (Get-Case -Status Closed -First 1).Number, (Get-Case -Status Open -First 1).Number
        $script:Results = @(Sync-CaseTicket -Number $numbers @Target -KeyPrefix p5-)
        $script:ActionType = [CaseOps.Sync.Models.CaseTicketSyncAction]

        # The same instant to the second: CSV writes dates in the current culture without fractions.
        function Assert-SameSecond([DateTimeOffset] $Actual, [DateTimeOffset] $Expected) {
            [math]::Floor($Actual.UtcTicks / 1e7) | Should -Be ([math]::Floor($Expected.UtcTicks / 1e7))
        }
    }

    It 'come from two cases, one of them with several changes' {
        $Results.Count | Should -Be 2
        $Results | ForEach-Object { $_.Action | Should -Be Created }
        ($Results | Where-Object { $_.Changes.Count -eq 3 }).Changes | Should -Be @('ticket', 'pdf', 'state:closed')
        ($Results | Where-Object { $_.Changes.Count -eq 1 }).Changes | Should -Be 'ticket'
    }

    It 'convert to JSON with their number, action, changes and watermark' {
        $json = $Results | ConvertTo-Json -ErrorAction Stop
        $back = @($json | ConvertFrom-Json)

        $back.Count | Should -Be $Results.Count
        for ($i = 0; $i -lt $Results.Count; $i++) {
            $back[$i].CaseNumber | Should -Be $Results[$i].CaseNumber
            # As for every CaseOps enum (Case.Status too), plain ConvertTo-Json writes the value; the name with -EnumsAsStrings.
            $back[$i].Action -as $ActionType | Should -Be $Results[$i].Action
            @($back[$i].Changes) | Should -Be $Results[$i].Changes
            ([DateTimeOffset]$back[$i].Watermark).UtcDateTime | Should -Be $Results[$i].Watermark.UtcDateTime
        }
        $named = @($Results | ConvertTo-Json -EnumsAsStrings | ConvertFrom-Json)
        $named.Action | Should -Be @('Created', 'Created')
    }

    It 'export to CSV with their number, action by name and watermark' {
        $path = Join-Path $TestDrive 'sync.csv'
        $Results | Export-Csv -Path $path -ErrorAction Stop
        $rows = @(Import-Csv $path)

        $rows.Count | Should -Be $Results.Count
        for ($i = 0; $i -lt $Results.Count; $i++) {
            $rows[$i].CaseNumber | Should -Be "$($Results[$i].CaseNumber)"
            $rows[$i].Action | Should -Be 'Created'
            Assert-SameSecond ([DateTimeOffset]::Parse($rows[$i].Watermark, [cultureinfo]::CurrentCulture)) $Results[$i].Watermark
        }
    }

    It 'export to CSV with every change of a case readable in its Changes cell' {
        $path = Join-Path $TestDrive 'changes.csv'
        $Results | Export-Csv -Path $path -ErrorAction Stop
        $rows = @(Import-Csv $path)

        for ($i = 0; $i -lt $Results.Count; $i++) {
            foreach ($change in $Results[$i].Changes) {
                $rows[$i].Changes | Should -Match ([regex]::Escape($change)) -Because "case $($Results[$i].CaseNumber) changed its $change"
            }
        }
    }

    It 'round-trip through Export-Clixml and Import-Clixml' {
        $path = Join-Path $TestDrive 'sync.xml'
        $Results | Export-Clixml -Path $path -ErrorAction Stop
        $back = @(Import-Clixml $path)

        $back.Count | Should -Be $Results.Count
        $back[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.CaseOps.Sync.Models.CaseTicketSyncResult'
        for ($i = 0; $i -lt $Results.Count; $i++) {
            $back[$i].CaseNumber | Should -Be $Results[$i].CaseNumber
            $back[$i].TicketId | Should -Be $Results[$i].TicketId
            $back[$i].Action -as $ActionType | Should -Be $Results[$i].Action
            @($back[$i].Changes) | Should -Be $Results[$i].Changes
            # Clixml knows DateTimeOffset only as a property bag (PowerShell's own behaviour); its parts come back.
            $back[$i].Watermark.UtcDateTime | Should -Be $Results[$i].Watermark.UtcDateTime
        }
    }

    It 'show the table view''s columns with Format-Table' {
        $text = ($Results | Format-Table | Out-String -Width 200) -replace '\e\[[0-9;]*m'
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^\s*Case\s+Ticket\s+Action\s+CaseUpdated\s+Changes\s*$'
        foreach ($result in $Results) {
            $row = "^\s*$($result.CaseNumber)\s+$($result.TicketNumber)\s+$($result.Action)\s+" +
                [regex]::Escape($result.CaseUpdatedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')) + '\s+' + [regex]::Escape($result.Changes -join ', ') + '\s*$'
            @($lines | Where-Object { $_ -match $row }).Count | Should -Be 1 -Because "case $($result.CaseNumber) has its row"
        }
    }
}
