@{
    RootModule             = 'CaseOps.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5b0f3c3e-8d61-4c39-9a43-2f7b1e0c9a11'
    Author                 = 'CaseOps contributors'
    CompanyName            = 'CaseOps'
    Copyright              = '(c) 2026 CaseOps contributors. Licensed under the MIT License (see LICENSE).'
    Description            = 'Work Code42 Incydr cases and Zammad tickets from the PowerShell pipeline: typed objects that stream page by page.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('CaseOps.format.ps1xml')
    TypesToProcess         = @('CaseOps.types.ps1xml')
    CmdletsToExport        = @(
        'Connect-Incydr'
        'Disconnect-CaseOps'
        'Get-CaseOpsConnection'
        'Invoke-CaseOpsRequest'
        'Get-Case'
        'New-Case'
        'Set-Case'
        'Remove-Case'
        'Get-IncydrUser'
        'Get-CaseFileEvent'
        'Add-CaseFileEvent'
        'Remove-CaseFileEvent'
        'Export-CaseSummary'
        'Export-CaseFileEvent'
        'Export-Case'
        'Save-CaseFileEventSource'
        'Connect-Zammad'
        'Get-Ticket'
        'New-Ticket'
        'Set-Ticket'
        'Remove-Ticket'
        'Merge-Ticket'
        'Get-TicketTag'
        'Add-TicketTag'
        'Remove-TicketTag'
        'Get-Tag'
        'New-Tag'
        'Rename-Tag'
        'Remove-Tag'
        'Get-TicketArticle'
        'Add-TicketArticle'
        'Save-TicketAttachment'
        'Get-TicketLink'
        'Add-TicketLink'
        'Remove-TicketLink'
        'Get-TicketHistory'
        'Get-TicketTimeAccounting'
        'Add-TicketTimeAccounting'
        'Get-TicketPriority'
        'New-TicketPriority'
        'Set-TicketPriority'
        'Remove-TicketPriority'
        'Get-TicketState'
        'New-TicketState'
        'Set-TicketState'
        'Remove-TicketState'
        'Sync-CaseTicket'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Code42', 'Incydr', 'Zammad', 'Cases', 'Tickets', 'InsiderRisk', 'Helpdesk', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # The LICENSE file in the module folder is the MIT License; the project has no public home yet, so no ProjectUri.
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Incydr cases, their file events and exports; Zammad tickets, tags, merges, articles, links, history, time accounting, priorities and states.'
        }
    }
}
