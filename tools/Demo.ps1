<#
.SYNOPSIS
    A tour of the CaseOps Incydr case and Zammad ticket cmdlets, against the emulator or real services.

.DESCRIPTION
    Imports the staged module (artifacts/module/CaseOps), connects, lists, filters and sorts cases,
    creates a case, changes it, removes it, and shows how a missing case is reported; then searches,
    tags, creates, changes and merges Zammad tickets.
    ./build.ps1 -Task Demo builds, starts the emulator and runs this script against it. To run it
    by hand, start the emulator (dotnet run --project src/CaseOps.Sandbox) and run ./tools/Demo.ps1.

.EXAMPLE
    ./tools/Demo.ps1 -Uri http://127.0.0.1:5100
#>
[CmdletBinding()]
param(
    # Incydr base URL; the emulator listens on http://127.0.0.1:5100 unless told otherwise.
    [string] $Uri = 'http://127.0.0.1:5100',

    [string] $ClientId = 'caseops-demo',

    # The emulator's demo secret; for a real tenant pass your API client's secret.
    [string] $ClientSecret = 'caseops-demo-secret',

    # Zammad base URL; the emulator serves it under /zammad.
    [string] $ZammadUri = 'http://127.0.0.1:5100/zammad',

    # The emulator's demo token; for a real helpdesk pass your API token.
    [string] $ZammadToken = 'caseops-demo-zammad-token'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$manifest = Join-Path (Split-Path -Parent $PSScriptRoot) 'artifacts/module/CaseOps/CaseOps.psd1'
if (-not (Test-Path $manifest)) { throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build first." }
Import-Module $manifest -Force

function Write-Step([string] $Title, [scriptblock] $Script) {
    Write-Host ''
    Write-Host "=== $Title ===" -ForegroundColor Cyan
    foreach ($line in $Script.ToString().Trim() -split '\r?\n') {
        Write-Host "PS> $($line.Trim())" -ForegroundColor DarkGray
    }
}

$secret = ConvertTo-SecureString -String $ClientSecret -AsPlainText -Force
$credential = [pscredential]::new($ClientId, $secret)

# Each step is shown with its code, then run in this script's scope (so $case carries over).
$steps = [ordered]@{
    'Connect to Incydr' = {
        Connect-Incydr -Uri $Uri -Credential $credential | Format-Table
    }
    'The first 10 cases' = {
        Get-Case -First 10 | Format-Table
    }
    'Filter: closed cases whose name contains "data"' = {
        Get-Case -Status Closed -Name 'data' | Format-Table Number, Name, Status, AssigneeUsername
    }
    'Sort: the 5 most recently updated open cases' = {
        Get-Case -Status Open -SortBy UpdatedAt -Descending -First 5 | Format-Table Number, Name, UpdatedAt
    }
    'Count without fetching everything: -IncludeTotalCount' = {
        Get-Case -Status Open -IncludeTotalCount -First 3
    }
    'The users cases can name, by username' = {
        Get-IncydrUser | Format-Table
    }
    'Create a case, assigned by username' = {
        $case = New-Case -Name "Demo $(Get-Date -Format 'yyyy-MM-dd HH.mm.ss')" -Description 'Made by tools/Demo.ps1' -Assignee alice@example.com -Subject mallory@example.com
        $case | Format-List Number, Name, Status, AssigneeUsername, Description, CreatedAt
    }
    'Change it by parameter' = {
        Set-Case -Number $case.Number -Findings 'USB copy of the roadmap; manager informed.' -PassThru | Format-List Number, Name, Description, Findings
    }
    'Change it by piping an edited object (fields not edited keep their values)' = {
        $case = Get-Case -Number $case.Number
        $case.Description = 'Reviewed by the demo'
        $case.Status = 'Closed'
        $case | Set-Case -WhatIf
        $case | Set-Case -PassThru | Format-List Number, Name, Status, AssigneeUsername, Description, Findings
    }
    'Show it' = {
        Get-Case -Number $case.Number | Format-List Number, Name, Status, AssigneeUsername, Description, Findings, UpdatedAt
    }
    'Preview the removal: -WhatIf sends nothing' = {
        Remove-Case -Number $case.Number -WhatIf
        Get-Case -Number $case.Number | Format-Table Number, Name, Status
    }
    'Remove it' = {
        Remove-Case -Number $case.Number -Confirm:$false -Verbose
    }
    'File events of a case, and the full detail of the riskiest' = {
        $withEvents = Get-Case -First 20 | Where-Object { Get-CaseFileEvent $_.Number -First 1 } | Select-Object -First 1
        Get-CaseFileEvent $withEvents.Number | Format-Table
        Get-CaseFileEvent $withEvents.Number | Sort-Object RiskScore -Descending | Select-Object -First 1 | Get-CaseFileEvent | Format-List
    }
    'Hand the evidence on: summary PDF and the whole case as ZIP (streamed to disk)' = {
        $evidence = Join-Path ([System.IO.Path]::GetTempPath()) "caseops-demo-$(Get-Date -Format yyyyMMddHHmmss)"
        New-Item -ItemType Directory -Path $evidence | Out-Null
        Export-CaseSummary -CaseNumber $withEvents.Number -Path $evidence | Format-Table Name, Length
        Export-Case -CaseNumber $withEvents.Number -Path $evidence | Format-Table Name, Length
        Remove-Item -Recurse -Force $evidence
    }
    'A missing case is a non-terminating CaseNotFound error; the other numbers still run' = {
        1, $case.Number, 2 | Get-Case -ErrorAction SilentlyContinue -ErrorVariable notFound | Format-Table Number, Name, Status
        $notFound | Select-Object FullyQualifiedErrorId, @{ n = 'Message'; e = { "$_" } } | Format-List
    }
    'Connect to Zammad' = {
        Connect-Zammad -Uri $ZammadUri -Token (ConvertTo-SecureString -String $ZammadToken -AsPlainText -Force) | Format-Table
    }
    'Search tickets: new ones about USB, with names' = {
        Get-Ticket -Query 'state.name:new AND title:USB' -Expand | Format-Table
    }
    'Tag them from the pipeline (adding a tag twice changes nothing)' = {
        Get-Ticket -Query 'state.name:new' | Where-Object Title -like '*USB*' | Add-TicketTag -Name insider-risk
        Get-Tag -Name insider-risk | Format-Table
    }
    'Open a ticket with a custom field' = {
        $ticket = New-Ticket -Title 'Demo: laptop left on the train' -Group 'Insider Risk' -Customer bob@example.com -Body 'Reported by phone' -Priority '3 high' -Property @{ incident_ref = 'IR-DEMO-1' }
        $ticket | Format-List Id, Number, Title, State, Priority, Group, Customer, incident_ref, WebUrl
    }
    'An unknown state names the valid ones, and nothing is sent' = {
        Set-Ticket -Id $ticket.Id -State pondering -ErrorAction SilentlyContinue -ErrorVariable unknown
        "$unknown"
    }
    'Merge another of the customer''s tickets into it' = {
        $other = New-Ticket -Title 'Demo: same laptop, second call' -Group 'Insider Risk' -Customer bob@example.com -Body 'Called again'
        $other | Merge-Ticket -Into $ticket -Confirm:$false | Format-List Id, Number, Title, State, ArticleCount
        Get-Ticket -Id $other.Id -Expand | Format-Table
    }
}

try {
    foreach ($title in $steps.Keys) {
        Write-Step $title $steps[$title]
        . $steps[$title] | Out-Host
    }
}
finally {
    Write-Step 'Disconnect' { Disconnect-CaseOps }
    Disconnect-CaseOps
}
