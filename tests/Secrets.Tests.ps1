<#
    No secret anywhere (docs/architecture.md, "Errors"): every exported cmdlet runs against an emulator this
    file starts, with -Verbose -Debug, under Start-Transcript, including failures (wrong secret, wrong token,
    a token HTTP cannot carry, missing objects). Then the output of all streams, $Error (messages, exceptions
    with their inner ones, ErrorDetails, TargetObject) and the transcript are searched for the client secret,
    the Zammad API token, the basic-auth password, the Basic headers built from them and every access token
    the module sent. Needs a build: ./build.ps1 -Task Build, or run everything with ./build.ps1 -Task Test.
#>

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 20 -Tickets 20 -Seed 42
    # The emulator's basic-auth account (SandboxOptions.ZammadLogin and ZammadPassword); it has no option for them.
    $script:ZammadLogin = 'admin'
    $script:ZammadPassword = 'caseops-demo-password'
    $script:WrongSecret = 'wrong-client-secret-5b1e7d'
    $script:WrongToken = 'wrong-zammad-token-93c0aa'
    $script:UnsendableToken = 'tökén-zammad-93c0aa'

    function ConvertTo-SecureText([string] $Text) { ConvertTo-SecureString -String $Text -AsPlainText -Force }

    # The access token an Incydr connection sends as its Bearer header, read from the connection's token
    # provider (the module shows it nowhere, which is the point of this file).
    function Get-WireToken($Connection) {
        $flags = [System.Reflection.BindingFlags]'NonPublic, Instance'
        $provider = $Connection.GetType().GetProperty('Tokens', $flags).GetValue($Connection)
        $state = $provider.GetType().GetField('_current', $flags).GetValue($provider)
        if ($state) { $state.GetType().GetProperty('AccessToken').GetValue($state) }
    }

    # Everything a user can see of one record or object, as text.
    function Get-VisibleText($Item) {
        if ($null -eq $Item) { return '' }
        $parts = [System.Collections.Generic.List[string]]::new()
        $parts.Add(($Item | Out-String -Width 400))
        if ($Item -is [System.Management.Automation.ErrorRecord]) {
            $parts.Add($Item.ToString())
            $parts.Add($Item.Exception.ToString())   # inner exceptions included
            $parts.Add(($Item.Exception | Format-List * -Force | Out-String -Width 400))
            if ($Item.ErrorDetails) { $parts.Add("$($Item.ErrorDetails.Message) $($Item.ErrorDetails.RecommendedAction)") }
            if ($null -ne $Item.TargetObject) {
                $parts.Add("$($Item.TargetObject)")
                $parts.Add(($Item.TargetObject | Format-List * -Force | Out-String -Width 400))
            }
            if ($Item.InvocationInfo) { $parts.Add($Item.InvocationInfo.Line) }
        }
        elseif ($Item -isnot [System.Management.Automation.InformationalRecord]) {
            $parts.Add(($Item | Format-List * -Force | Out-String -Width 400))
            try { $parts.Add(($Item | ConvertTo-Json -Depth 3 -Compress -WarningAction SilentlyContinue)) } catch { $parts.Add("ConvertTo-Json failed: $_") }
        }
        $parts -join "`n"
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Secrets with -Verbose -Debug, in every stream, $Error and the transcript' {
    BeforeAll {
        # Errors are part of what is searched; build.ps1 runs the suite with 'Stop'.
        $ErrorActionPreference = 'Continue'
        $script:Work = Join-Path $TestDrive 'work'
        $null = New-Item -ItemType Directory -Path $Work
        $script:Attachment = Join-Path $TestDrive 'note.txt'
        Set-Content -Path $Attachment -Value 'evidence'
        $unique = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:Name = "secrets-$unique"

        # Each step runs one or more cmdlets with -Verbose -Debug; MayFail marks the ones that fail on purpose
        # (or may, depending on the seed). Together they name every exported cmdlet (checked below).
        $steps = @(
            @{ Name = 'Connect-Incydr'; Script = { $script:Incydr = Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential -Verbose -Debug; $Incydr } }
            @{ Name = 'Connect-Incydr, wrong secret'; MayFail = $true; Script = { try { Connect-Incydr -Uri $Sandbox.Uri -Credential ([pscredential]::new($Sandbox.ClientId, (ConvertTo-SecureText $WrongSecret))) -Verbose -Debug } catch { $_ } } }
            @{ Name = 'Connect-Zammad, wrong token'; MayFail = $true; Script = { try { Connect-Zammad -Uri $Sandbox.ZammadUri -Token (ConvertTo-SecureText $WrongToken) -Verbose -Debug } catch { $_ } } }
            @{ Name = 'Connect-Zammad, unsendable token'; MayFail = $true; Script = { try { Connect-Zammad -Uri $Sandbox.ZammadUri -Token (ConvertTo-SecureText $UnsendableToken) -Verbose -Debug } catch { $_ } } }
            @{ Name = 'Connect-Zammad, token'; Script = { $script:ZammadByToken = Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken -Verbose -Debug; $ZammadByToken } }
            @{ Name = 'Connect-Zammad, password'; Script = { Connect-Zammad -Uri $Sandbox.ZammadUri -Credential ([pscredential]::new($ZammadLogin, (ConvertTo-SecureText $ZammadPassword))) -Verbose -Debug } }
            @{ Name = 'Get-CaseOpsConnection'; Script = { Get-CaseOpsConnection -Verbose -Debug } }

            @{ Name = 'Get-Case'; Script = { Get-Case -First 3 -IncludeTotalCount -Verbose -Debug; Get-Case -Number 1 -Verbose -Debug } }
            @{ Name = 'Get-Case, missing'; MayFail = $true; Script = { Get-Case -Number 999999 -Verbose -Debug } }
            @{ Name = 'New-Case'; Script = { $script:Case = New-Case -Name $Name -Description 'secrets test' -Verbose -Debug; $Case } }
            @{ Name = 'Set-Case'; Script = { Set-Case -Number $Case.Number -Findings 'nothing leaked' -Assignee alice@example.com -PassThru -Verbose -Debug } }
            @{ Name = 'Get-IncydrUser'; Script = { Get-IncydrUser -First 2 -Verbose -Debug; Get-IncydrUser -UserId (Get-IncydrUser alice@example.com).UserId -Verbose -Debug } }
            @{ Name = 'Get-CaseFileEvent'; Script = {
                    $script:Source = Get-Case -First 20 | Where-Object { @(Get-CaseFileEvent -CaseNumber $_.Number -First 1).Count -gt 0 } | Select-Object -First 1
                    $script:Events = @(Get-CaseFileEvent -CaseNumber $Source.Number -First 2 -Verbose -Debug)
                    $Events
                    $Events[0] | Get-CaseFileEvent -Verbose -Debug } }
            @{ Name = 'Add-CaseFileEvent'; Script = { Add-CaseFileEvent -CaseNumber $Case.Number -EventId $Events.EventId -Verbose -Debug } }
            @{ Name = 'Save-CaseFileEventSource'; MayFail = $true; Script = { Save-CaseFileEventSource -CaseNumber $Source.Number -EventId $Events[0].EventId -Path $Work -Force -Verbose -Debug } }
            @{ Name = 'Export-Case'; Script = { Export-Case -CaseNumber $Case.Number -Path $Work -Force -Verbose -Debug } }
            @{ Name = 'Export-CaseFileEvent'; Script = { Export-CaseFileEvent -CaseNumber $Case.Number -Path $Work -Force -Verbose -Debug } }
            @{ Name = 'Export-CaseSummary'; Script = { Export-CaseSummary -CaseNumber $Case.Number -Path $Work -Force -Verbose -Debug } }
            @{ Name = 'Remove-CaseFileEvent'; Script = { Remove-CaseFileEvent -CaseNumber $Case.Number -EventId $Events[0].EventId -Verbose -Debug } }
            @{ Name = 'Remove-Case'; Script = { Remove-Case -Number $Case.Number -Force -Verbose -Debug } }
            @{ Name = 'Invoke-CaseOpsRequest'; Script = {
                    Invoke-CaseOpsRequest -Service Incydr -Path v1/cases -Query @{ pgSize = 2 } -Verbose -Debug
                    Invoke-CaseOpsRequest -Connection $ZammadByToken -Path tickets/1 -Raw -Verbose -Debug } }

            @{ Name = 'Get-Ticket'; Script = { Get-Ticket -First 2 -Verbose -Debug; Get-Ticket -Id 1 -Connection $ZammadByToken -Verbose -Debug; Get-Ticket -Query 'USB' -First 2 -Verbose -Debug } }
            @{ Name = 'Get-Ticket, missing'; MayFail = $true; Script = { Get-Ticket -Id 999999 -Verbose -Debug } }
            @{ Name = 'New-Ticket'; Script = {
                    $script:Ticket = New-Ticket -Title "$Name one" -Group Users -Customer bob@example.com -Body 'first' -Verbose -Debug
                    $script:Other = New-Ticket -Title "$Name two" -Group Users -Customer bob@example.com -Body 'second' -Connection $ZammadByToken -Verbose -Debug
                    $Ticket; $Other } }
            @{ Name = 'Set-Ticket'; Script = { Set-Ticket -Id $Ticket.Id -Title "$Name one, changed" -Verbose -Debug } }
            @{ Name = 'Add-TicketArticle'; Script = { Add-TicketArticle -TicketId $Ticket.Id -Body 'note' -Internal -Attachment $Attachment -Verbose -Debug } }
            @{ Name = 'Get-TicketArticle'; Script = { Get-TicketArticle -TicketId $Ticket.Id -Verbose -Debug } }
            @{ Name = 'Save-TicketAttachment'; Script = { Get-TicketArticle -TicketId $Ticket.Id | Where-Object { $_.Attachments } | Save-TicketAttachment -Path $Work -Force -Verbose -Debug } }
            @{ Name = 'Ticket tags'; Script = {
                    Add-TicketTag -TicketId $Ticket.Id -Name "$Name-tag" -PassThru -Verbose -Debug
                    Get-TicketTag -TicketId $Ticket.Id -Verbose -Debug
                    Remove-TicketTag -TicketId $Ticket.Id -Name "$Name-tag" -PassThru -Verbose -Debug } }
            @{ Name = 'Tags'; Script = {
                    New-Tag -Name "$Name-global" -Verbose -Debug
                    Get-Tag -Name "$Name-global" -Verbose -Debug
                    Rename-Tag -Name "$Name-global" -NewName "$Name-renamed" -Force -PassThru -Verbose -Debug
                    Remove-Tag -Name "$Name-renamed" -Force -Verbose -Debug } }
            @{ Name = 'Ticket links'; Script = {
                    Add-TicketLink -TicketId $Ticket.Id -LinkedTicketId $Other.Id -PassThru -Verbose -Debug
                    Get-TicketLink -TicketId $Ticket.Id -Verbose -Debug
                    Remove-TicketLink -TicketId $Ticket.Id -LinkedTicketId $Other.Id -Verbose -Debug } }
            @{ Name = 'Time accounting'; Script = {
                    Add-TicketTimeAccounting -TicketId $Ticket.Id -TimeUnit 5 -Verbose -Debug
                    Get-TicketTimeAccounting -TicketId $Ticket.Id -Verbose -Debug } }
            @{ Name = 'Get-TicketHistory'; Script = { Get-TicketHistory -TicketId $Ticket.Id -Verbose -Debug } }
            @{ Name = 'Priorities'; Script = {
                    Get-TicketPriority -Verbose -Debug
                    New-TicketPriority -Name "$Name priority" -Verbose -Debug
                    Set-TicketPriority -Name "$Name priority" -Note 'changed' -Verbose -Debug
                    Remove-TicketPriority -Name "$Name priority" -Force -Verbose -Debug } }
            @{ Name = 'States'; Script = {
                    Get-TicketState -Verbose -Debug
                    New-TicketState -Name "$Name state" -StateType 'pending action' -Verbose -Debug
                    Set-TicketState -Name "$Name state" -Note 'changed' -Verbose -Debug
                    Remove-TicketState -Name "$Name state" -Force -Verbose -Debug } }
            @{ Name = 'Sync-CaseTicket'; Script = { Get-Case -First 2 | Sync-CaseTicket -Group Users -Customer bob@example.com -KeyPrefix "$Name-case-" -Verbose -Debug } }
            @{ Name = 'Merge-Ticket'; Script = { Merge-Ticket -Id $Other.Id -Into $Ticket.Id -Force -Verbose -Debug } }
            @{ Name = 'Remove-Ticket'; Script = { Remove-Ticket -Id $Ticket.Id -Force -Verbose -Debug } }
            @{ Name = 'Disconnect-CaseOps'; Script = { Disconnect-CaseOps -Service Zammad -Verbose -Debug } }
        )
        $script:StepCommands = $steps | ForEach-Object {
            $_.Script.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
        } | Sort-Object -Unique

        $script:WireTokens = [System.Collections.Generic.HashSet[string]]::new()
        $script:Seen = [System.Text.StringBuilder]::new()
        $script:Unexpected = [System.Collections.Generic.List[string]]::new()
        $script:Transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        Start-Transcript -Path $Transcript -IncludeInvocationHeader | Out-Null
        try {
            foreach ($step in $steps) {
                try { $all = @(& $step.Script *>&1) }
                catch { $all = @($_) }   # a terminating error is output too
                # Out-Host: the records reach the host, so the transcript holds them as a user's console would.
                $all | Out-Host
                foreach ($item in $all) {
                    $null = $Seen.AppendLine((Get-VisibleText $item))
                    if ($item -is [System.Management.Automation.ErrorRecord] -and -not $step.MayFail) { $Unexpected.Add("$($step.Name): $item") }
                }
                foreach ($connection in @($Incydr) + @(Get-CaseOpsConnection -Service Incydr)) {
                    if (-not $connection) { continue }
                    $token = Get-WireToken $connection
                    if ($token) { $null = $WireTokens.Add($token) }
                }
            }
        }
        finally {
            Stop-Transcript | Out-Null
        }
        foreach ($record in @($Error)) { $null = $Seen.AppendLine((Get-VisibleText $record)) }
        $script:ErrorCount = $Error.Count

        $basic = { param($user, $secret) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${user}:$secret")) }
        $script:Secrets = [ordered]@{
            'client secret'                = $Sandbox.ClientSecret
            'Incydr Basic header'          = & $basic $Sandbox.ClientId $Sandbox.ClientSecret
            'wrong client secret'          = $WrongSecret
            'Zammad API token'             = $Sandbox.ZammadTokenText
            'wrong Zammad token'           = $WrongToken
            'unsendable Zammad token'      = $UnsendableToken
            'basic-auth password'          = $ZammadPassword
            'Zammad Basic header'          = & $basic $ZammadLogin $ZammadPassword
        }
        $n = 0
        foreach ($token in $WireTokens) {
            $n++
            $Secrets["access token $n"] = $token
            $Secrets["access token $n signature"] = $token.Split('.')[-1]
        }
    }

    It 'runs every exported cmdlet' {
        $exported = (Get-Command -Module CaseOps).Name
        $exported | Where-Object { $_ -notin $StepCommands } | Should -BeNullOrEmpty
    }

    It 'ran the steps that should succeed without errors, and the failing ones did fail' {
        $Unexpected | Should -BeNullOrEmpty
        $ErrorCount | Should -BeGreaterOrEqual 5
        $WireTokens.Count | Should -BeGreaterOrEqual 1
    }

    It 'shows no secret and no access token in any stream or in $Error' {
        $text = $Seen.ToString()
        $text.Length | Should -BeGreaterThan 10000   # the verbose and debug lines are there
        $text | Should -Match 'Request body|Response body'
        $found = foreach ($entry in $Secrets.GetEnumerator()) { if ($text.Contains($entry.Value)) { $entry.Key } }
        $found | Should -BeNullOrEmpty
    }

    It 'shows no secret and no access token in the transcript' {
        $text = Get-Content -Raw -Path $Transcript
        $text | Should -Match 'GET http\S+/v1/cases\S* -> 200 OK'   # the verbose lines are there
        $text | Should -Match 'Response body: '                     # and the debug lines
        $found = foreach ($entry in $Secrets.GetEnumerator()) { if ($text.Contains($entry.Value)) { $entry.Key } }
        $found | Should -BeNullOrEmpty
    }
}
