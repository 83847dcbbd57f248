<#
    User stories for the rest of the Zammad surface (articles, attachments, links, history, time
    accounting, priorities and states), as agents and admins write them, against an emulator this
    file starts on a free port. Needs a build: ./build.ps1 -Task Build, or ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 5 -Tickets 30 -Seed 7
    Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null

    function New-WorkTicket([string] $Title) {
        New-Ticket -Title $Title -Group 'Insider Risk' -Customer bob@example.com -Body 'Opened by a Pester story'
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Working a ticket' {
    It 'posts an internal note with evidence attached, and the evidence can be saved again' {
        $ticket = New-WorkTicket 'USB copy of payroll'
        $evidence = Join-Path $TestDrive 'dlp-alert.txt'
        Set-Content -Path $evidence -Value 'DLP: 412 files to E:\'

        $article = $ticket | Add-TicketArticle -Body 'DLP alert attached' -Internal -Attachment $evidence

        $article.Internal | Should -BeTrue
        $article.Attachments.FileName | Should -Be 'dlp-alert.txt'
        $out = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'saved')
        $saved = Get-TicketArticle $ticket.Id | Where-Object { $_.Attachments } | Save-TicketAttachment -Path $out
        (Get-Content $saved.FullName) | Should -Be 'DLP: 412 files to E:\'
    }

    It 'refuses an attachment that does not exist before sending anything' {
        $ticket = New-WorkTicket 'No attachment'
        $before = @(Get-TicketArticle $ticket.Id).Count

        { Add-TicketArticle -TicketId $ticket.Id -Body 'x' -Attachment (Join-Path $TestDrive 'missing.pdf') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AttachmentNotFound,CaseOps.Cmdlets.Articles.AddTicketArticleCommand'
        @(Get-TicketArticle $ticket.Id).Count | Should -Be $before
    }

    It 'links follow-ups to an incident and finds them again through the links' {
        $incident = New-WorkTicket 'Incident: laptop lost'
        $followUps = 1..2 | ForEach-Object { New-WorkTicket "Follow-up $_" }

        $followUps | Add-TicketLink -LinkedTicketId $incident.Id -Type parent

        $children = Get-TicketLink $incident.Id | Get-Ticket
        $children.Id | Should -Be $followUps.Id
        (Get-TicketLink $followUps[0].Id).LinkType | Should -Be 'parent'
    }

    It 'shows who changed what in the history' {
        $ticket = New-WorkTicket 'History story'
        $ticket | Set-Ticket -State open | Out-Null

        $change = Get-TicketHistory $ticket.Id | Where-Object Attribute -eq 'state'

        $change.From | Should -Be 'new'
        $change.To | Should -Be 'open'
        $change.CreatedBy | Should -Be 'admin'
        (Get-TicketHistory $ticket.Id | Format-Table | Out-String) | Should -Match 'When\s+Who\s+Object\s+Type'
    }

    It 'accounts time by type name and totals it' {
        $ticket = New-WorkTicket 'Timed story'

        $ticket | Add-TicketTimeAccounting -TimeUnit 30 -Type Investigation | Out-Null
        $ticket | Add-TicketTimeAccounting -TimeUnit 15 -Type Communication | Out-Null

        (Get-TicketTimeAccounting $ticket.Id | Measure-Object TimeUnit -Sum).Sum | Should -Be 45
        (Get-Ticket -Id $ticket.Id).TimeUnit | Should -Be '45.0'
        { Add-TicketTimeAccounting $ticket.Id 5 -Type Gardening -ErrorAction Stop } | Should -Throw "*'Gardening'*'Research'*"
    }
}

Describe 'Keeping the catalogues in order' {
    It 'creates a priority, uses it by name at once, and cannot remove it while it is used' {
        New-TicketPriority -Name '4 urgent' | Out-Null
        $ticket = New-WorkTicket 'Urgent story'

        ($ticket | Set-Ticket -Priority '4 urgent' -PassThru).Priority | Should -Be '4 urgent'

        Remove-TicketPriority -Name '4 urgent' -Force -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PriorityInUse,*'
        Get-TicketPriority -Name '4 urgent' | Should -Not -BeNullOrEmpty
    }

    It 'adds a pending state, renames it, and removes it once unused' {
        New-TicketState -Name 'waiting for HR' -StateType 'pending action' | Out-Null
        Set-TicketState -Name 'waiting for HR' -NewName 'waiting for legal' | Out-Null

        (Get-TicketState -Name 'waiting for*').Name | Should -Be 'waiting for legal'
        Get-TicketState -Name 'waiting for legal' | Remove-TicketState -Confirm:$false
        Get-TicketState -Name 'waiting for*' | Should -BeNullOrEmpty
    }

    It 'Get-Help answers for every cmdlet of this part' {
        foreach ($name in 'Get-TicketArticle', 'Add-TicketArticle', 'Save-TicketAttachment', 'Get-TicketLink', 'Add-TicketLink', 'Remove-TicketLink',
            'Get-TicketHistory', 'Get-TicketTimeAccounting', 'Add-TicketTimeAccounting', 'Get-TicketPriority', 'New-TicketPriority', 'Set-TicketPriority',
            'Remove-TicketPriority', 'Get-TicketState', 'New-TicketState', 'Set-TicketState', 'Remove-TicketState', 'Invoke-CaseOpsRequest') {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $name
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 -Because $name
        }
    }
}
