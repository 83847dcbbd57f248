<#
    User stories for the Zammad ticket cmdlets, as a helpdesk admin writes them, against an emulator
    this file starts on a free port (seeded with 60 tickets). Needs a build: ./build.ps1 -Task Build,
    or run everything with ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 10 -Tickets 60 -Seed 42

    function New-TestTicket([string] $Title, [string] $Customer = 'bob@example.com') {
        New-Ticket -Title $Title -Group Users -Customer $Customer -Body 'Raised by a Pester story'
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Connecting to Zammad' {
    It 'Connect-Zammad with an API token becomes the default connection' {
        $connection = Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken

        $connection.Service | Should -Be 'Zammad'
        $connection.Account | Should -Be 'admin'
        (Get-CaseOpsConnection -Service Zammad).BaseUri | Should -Be $connection.BaseUri
    }

    It 'never shows the token' {
        $connection = Get-CaseOpsConnection -Service Zammad
        $shown = ($connection | Format-List * -Force | Out-String) + $connection.ToString() + ($connection | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue)
        $shown | Should -Not -Match ([regex]::Escape($Sandbox.ZammadTokenText))
    }
}

Describe 'Triage from the pipeline' {
    BeforeAll { Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null }

    It 'tags new USB tickets as insider risk' {
        $new = @(Get-Ticket -Query 'state.name:new' | Where-Object Title -like '*USB*')
        $new.Count | Should -BeGreaterThan 0

        Get-Ticket -Query 'state.name:new' | Where-Object Title -like '*USB*' | Add-TicketTag -Name insider-risk

        foreach ($ticket in $new) {
            (Get-TicketTag -TicketId $ticket.Id).Name | Should -Contain 'insider-risk'
        }
        (Get-Tag -Name insider-risk).Count | Should -Be $new.Count
    }

    It 'tagging twice changes nothing' {
        $ticket = Get-Ticket -Query 'title:USB' -First 1
        $before = @(Get-TicketTag $ticket.Id).Count

        $ticket | Add-TicketTag -Name usb-twice
        $ticket | Add-TicketTag -Name usb-twice

        @(Get-TicketTag $ticket.Id).Count | Should -Be ($before + 1)
    }

    It 'merges all of a customer''s tickets into one' {
        $target = New-TestTicket -Title 'All of Carol''s USB questions' -Customer guess:carol@example.com
        $others = 1..3 | ForEach-Object { New-TestTicket -Title "Carol question $_" -Customer carol@example.com }

        $result = Get-Ticket -Query 'customer.email:carol@example.com' | Where-Object Id -ne $target.Id |
            Merge-Ticket -Into $target.Number -Confirm:$false

        $result.Id | Should -Be $target.Id
        foreach ($ticket in $others) { (Get-Ticket -Id $ticket.Id -Expand).State | Should -Be 'merged' }
        (Get-Ticket -Id $target.Id).ArticleCount | Should -BeGreaterOrEqual 4
    }

    It 'refuses to merge a ticket into itself and leaves it alone' {
        $ticket = New-TestTicket -Title 'Lonely ticket'

        $ticket | Merge-Ticket -Into $ticket -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MergeIntoSelf,*'
        (Get-Ticket -Id $ticket.Id -Expand).State | Should -Be 'new'
    }

    It 'closes what it collected first, so the search does not shift under it' {
        1..7 | ForEach-Object { New-Ticket -Title "Wobbly VPN $_" -Group Users -Customer bob@example.com -State open } | Out-Null
        $open = @(Get-Ticket -Query 'title:"Wobbly VPN" AND state.name:open' -PageSize 3)
        $open.Count | Should -Be 7

        $open | Set-Ticket -State closed | Out-Null

        @(Get-Ticket -Query 'title:"Wobbly VPN" AND state.name:open').Count | Should -Be 0
        @(Get-Ticket -Query 'title:"Wobbly VPN" AND state.name:closed').Count | Should -Be 7
    }
}

Describe 'Tickets and their fields' {
    BeforeAll { Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null }

    It 'creates a ticket with names, a custom field and tags' {
        $ticket = New-Ticket -Title 'Laptop left on the train' -Group 'Insider Risk' -Customer bob@example.com `
            -Body 'Reported by phone' -ArticleType phone -State open -Priority '3 high' -Owner nicole.braun `
            -Tag lost-device -Property @{ incident_ref = 'IR-2026-001' }

        $ticket.Group | Should -Be 'Insider Risk'
        $ticket.Owner | Should -Be 'nicole.braun'
        $ticket.incident_ref | Should -Be 'IR-2026-001'
        (Get-TicketTag $ticket.Id).Name | Should -Be 'lost-device'
        $ticket.WebUrl | Should -Match '#ticket/zoom/\d+$'
    }

    It 'saves the properties edited on a ticket, custom fields included' {
        $ticket = Get-Ticket -Id 7 -Expand
        $ticket.Title = 'Edited in a Pester story'
        $ticket.risk_score = 42

        $ticket | Set-Ticket | Out-Null

        $fresh = Get-Ticket -Id 7
        $fresh.Title | Should -Be 'Edited in a Pester story'
        $fresh.risk_score | Should -Be 42
    }

    It 'names the valid groups when one is unknown, and sends nothing' {
        { New-Ticket -Title 'Nowhere' -Group 'No Such Group' -Customer bob@example.com -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'No Such Group'*'Insider Risk'*"
        @(Get-Ticket -Query 'title:Nowhere').Count | Should -Be 0
    }

    It 'reports an unknown ticket and goes on with the rest' {
        $found = 1, 99999, 2 | Get-Ticket -ErrorVariable problems -ErrorAction SilentlyContinue

        $found.Id | Should -Be 1, 2
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TicketNotFound,*'
        $problems[0].TargetObject | Should -Be 99999
    }

    It 'Remove-Ticket -WhatIf keeps the ticket, -Force removes it' {
        $ticket = New-TestTicket -Title 'Short-lived'

        Remove-Ticket -Id $ticket.Id -WhatIf
        (Get-Ticket -Id $ticket.Id).Id | Should -Be $ticket.Id

        Remove-Ticket -Id $ticket.Id -Force
        Get-Ticket -Id $ticket.Id -ErrorAction SilentlyContinue -ErrorVariable gone | Should -BeNullOrEmpty
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'TicketNotFound,*'
    }

    It 'shows tickets as a readable table' {
        $text = Get-Ticket -First 3 -Expand | Format-Table | Out-String -Width 200

        $text | Should -Match 'Id\s+Number\s+Title\s+State\s+Priority\s+Group\s+Owner\s+Updated'
        $text | Should -Match '2 normal|1 low|3 high'
    }

    It 'names state, priority, group and owner without -Expand, in the table and the list' {
        $expanded = Get-Ticket -First 5 -Expand
        $rows = @((Get-Ticket -First 5 | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_ -match '^\s*\d+\s' })
        $list = Get-Ticket -Id $expanded[1].Id | Format-List | Out-String -Width 120

        $rows.Count | Should -Be 5
        for ($i = 0; $i -lt 5; $i++) {
            foreach ($name in $expanded[$i].State, $expanded[$i].Priority, $expanded[$i].Group, $expanded[$i].Owner) {
                $rows[$i] | Should -Match ([regex]::Escape($name))
            }
        }
        $list | Should -Match ('(?m)^State\s+: ' + [regex]::Escape($expanded[1].State) + '\s*$')
        $list | Should -Match ('(?m)^Owner\s+: ' + [regex]::Escape($expanded[1].Owner) + '\s*$')
    }

    It 'the README''s Set-Ticket -WhatIf and -PassThru example works as written' {
        # The block is taken from README.md as it stands, so the example cannot drift from what works.
        $readme = Get-Content -Raw -Path (Join-Path (Split-Path -Parent $PSScriptRoot) 'README.md')
        $blocks = [regex]::Matches($readme, '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
        $example = @($blocks | Where-Object { $_ -match 'Set-Ticket .*-PassThru' })
        $example.Count | Should -Be 1

        $null = . ([scriptblock]::Create($example[0]))

        $ticket.Id | Should -Be 42
        $ticket.State | Should -Be 'closed'
        $ticket.Owner | Should -Be 'nicole.braun'
        (Get-Ticket -Id 42).State | Should -Be 'closed'
    }

    It 'stops the search after the first objects when Select-Object is done' {
        $script:firstSeven = $null
        $requests = & { $script:firstSeven = Get-Ticket -Query '*' -PageSize 10 -Verbose | Select-Object -First 7 } 4>&1

        @($script:firstSeven).Count | Should -Be 7
        # Seven tickets are on the first page of ten; the stream asks for one page ahead at most until the
        # first page is used up (docs/architecture.md, "The window"), so two requests at most.
        @($requests | Where-Object { "$_" -match '^GET \S+tickets/search' }).Count | Should -BeLessOrEqual 2
    }
}

Describe 'Tag administration' {
    BeforeAll { Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null }

    It 'renames a tag onto an existing one and says that they merge' {
        $a = New-TestTicket -Title 'Tag merge A'
        $b = New-TestTicket -Title 'Tag merge B'
        Add-TicketTag $a.Id -Name phish
        Add-TicketTag $b.Id -Name phishing

        Rename-Tag -Name phish -NewName phishing -WarningVariable said -Confirm:$false

        $said | Should -Match 'merges'
        (Get-TicketTag $a.Id).Name | Should -Be 'phishing'
        Get-Tag -Name phish | Should -BeNullOrEmpty
    }

    It 'completes tag names from the server' {
        $line = 'Add-TicketTag -TicketId 1 -Name insider-'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $matches | Should -Contain 'insider-risk'
    }

    It 'Get-Help answers for every ticket cmdlet' {
        foreach ($name in 'Connect-Zammad', 'Get-Ticket', 'New-Ticket', 'Set-Ticket', 'Remove-Ticket', 'Merge-Ticket',
            'Get-TicketTag', 'Add-TicketTag', 'Remove-TicketTag', 'Get-Tag', 'New-Tag', 'Rename-Tag', 'Remove-Tag') {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $name
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 -Because $name
        }
    }
}
