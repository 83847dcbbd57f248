<#
    Every object CaseOps writes goes through the four ways scripts save or show objects:
    ConvertTo-Json (default depth and -Depth 10), Export-Csv, Export-Clixml + Import-Clixml and
    Select-Object *, without an error, without Newtonsoft's JToken types or the internal
    dictionaries they live in, and without a secret. Output objects keep raw JSON only in internal
    members (docs/architecture.md, Output types). Runs against an emulator this file starts on a
    free port. Needs a build: ./build.ps1 -Task Build, or run everything with ./build.ps1 -Task Test.

    Dates in CSV: Export-Csv writes a DateTimeOffset as PowerShell formats it in the current
    culture, offset included ("11/03/2026 09:21:32 +00:00" in the invariant culture); the
    properties stay typed so Sort-Object and Where-Object compare them as dates. The tests below
    read such a cell back with [DateTimeOffset]::Parse in the same culture and expect the same
    instant. JSON always carries ISO 8601.
#>

BeforeDiscovery {
    # Each output type with how to get it from the emulator; run after BeforeAll connected.
    $script:Producers = @(
        @{ NoDates = $false; Type = 'Case (listing)'; TypeName = 'CaseOps.Incydr.Models.Case'; Key = 'Number'; Get = { Get-Case -First 3 } }
        @{ NoDates = $false; Type = 'Case (whole)'; TypeName = 'CaseOps.Incydr.Models.Case'; Key = 'Number'; Get = { Get-Case -Number 1 } }
        @{ NoDates = $false; Type = 'CaseFileEvent'; TypeName = 'CaseOps.Incydr.Models.CaseFileEvent'; Key = 'EventId'; Get = { Get-CaseFileEvent -CaseNumber $script:EventCase | Select-Object -First 3 } }
        @{ NoDates = $false; Type = 'FileEventDetail'; TypeName = 'CaseOps.Incydr.Models.FileEventDetail'; Key = 'EventId'; Get = { Get-CaseFileEvent -CaseNumber $script:EventCase | Select-Object -First 2 | Get-CaseFileEvent } }
        @{ NoDates = $false; Type = 'IncydrUser'; TypeName = 'CaseOps.Incydr.Models.IncydrUser'; Key = 'UserId'; Get = { Get-IncydrUser -First 3 } }
        @{ NoDates = $false; Type = 'Ticket'; TypeName = 'CaseOps.Zammad.Models.Ticket'; Key = 'Number'; Get = { Get-Ticket -First 3 -Expand } }
        @{ NoDates = $false; Type = 'Ticket with custom fields'; TypeName = 'CaseOps.Zammad.Models.Ticket'; Key = 'Number'; Get = { $script:CustomTicket } }
        @{ NoDates = $false; Type = 'TicketArticle'; TypeName = 'CaseOps.Zammad.Models.TicketArticle'; Key = 'Id'; Get = { Get-TicketArticle $script:CustomTicket.Id } }
        @{ NoDates = $true; Type = 'TicketAttachment'; TypeName = 'CaseOps.Zammad.Models.TicketAttachment'; Key = 'Id'; Get = { (Get-TicketArticle $script:CustomTicket.Id).Attachments } }
        @{ NoDates = $true; Type = 'TicketLink'; TypeName = 'CaseOps.Zammad.Models.TicketLink'; Key = 'Id'; Get = { Get-TicketLink $script:CustomTicket.Id } }
        @{ NoDates = $false; Type = 'TicketHistoryEntry'; TypeName = 'CaseOps.Zammad.Models.TicketHistoryEntry'; Key = 'Id'; Get = { Get-TicketHistory $script:CustomTicket.Id } }
        @{ NoDates = $false; Type = 'TicketTimeAccounting'; TypeName = 'CaseOps.Zammad.Models.TicketTimeAccounting'; Key = 'Id'; Get = { Get-TicketTimeAccounting $script:CustomTicket.Id } }
        @{ NoDates = $false; Type = 'TicketPriority'; TypeName = 'CaseOps.Zammad.Models.TicketPriority'; Key = 'Id'; Get = { Get-TicketPriority } }
        @{ NoDates = $false; Type = 'TicketState'; TypeName = 'CaseOps.Zammad.Models.TicketState'; Key = 'Id'; Get = { Get-TicketState } }
        @{ NoDates = $true; Type = 'Tag'; TypeName = 'CaseOps.Zammad.Models.Tag'; Key = 'Name'; Get = { Get-Tag } }
        @{ NoDates = $true; Type = 'TicketTag'; TypeName = 'CaseOps.Zammad.Models.TicketTag'; Key = 'Name'; Get = { Get-TicketTag $script:CustomTicket.Id } }
        @{ NoDates = $false; Type = 'IncydrConnection'; TypeName = 'CaseOps.Connections.IncydrConnection'; Key = 'Account'; Get = { Get-CaseOpsConnection -Service Incydr } }
        @{ NoDates = $false; Type = 'ZammadConnection (token)'; TypeName = 'CaseOps.Connections.ZammadConnection'; Key = 'Account'; Get = { Get-CaseOpsConnection -Service Zammad } }
        @{ NoDates = $false; Type = 'ZammadConnection (password)'; TypeName = 'CaseOps.Connections.ZammadConnection'; Key = 'Account'; Get = { $script:PasswordConnection } }
        @{ NoDates = $false; Type = 'RawApiResponse'; TypeName = 'CaseOps.Http.RawApiResponse'; Key = 'StatusCode'; Get = { Invoke-CaseOpsRequest v1/cases/1 -Service Incydr -Raw } }
        @{ NoDates = $true; Type = 'total count'; TypeName = 'System.UInt64'; Key = 'Accuracy'; Get = { Get-Case -First 1 -IncludeTotalCount | Select-Object -First 1 } }
    )
}

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'artifacts/module/CaseOps/CaseOps.psd1') -Force -ErrorAction Stop
    $script:Sandbox = & (Join-Path $repoRoot 'tools/Start-Sandbox.ps1') -Cases 10 -Tickets 20 -Seed 42

    # A second Zammad connection with the admin's login and password (src/CaseOps.Sandbox/Hosting/SandboxOptions.cs).
    $script:ZammadPassword = 'caseops-demo-password'
    $password = ConvertTo-SecureString $script:ZammadPassword -AsPlainText -Force
    $script:PasswordConnection = Connect-Zammad -Uri $Sandbox.ZammadUri -Credential ([pscredential]::new('admin', $password))
    $incydr = Connect-Incydr -Uri $Sandbox.Uri -Credential $Sandbox.Credential
    Connect-Zammad -Uri $Sandbox.ZammadUri -Token $Sandbox.ZammadToken | Out-Null

    $script:EventCase = (Get-Case -First 10 | Where-Object { @(Get-CaseFileEvent -CaseNumber $_.Number).Count -ge 2 } | Select-Object -First 1).Number

    # A ticket with custom fields of each JSON kind, an article with an attachment, a link, a tag and time.
    $script:CustomTicket = New-Ticket -Title 'Serialized ticket' -Group Users -Customer bob@example.com -Body 'First article' `
        -Tag serial-tag -Property @{ incident_ref = 'IR-SER-1'; risk_score = 77; department = $null }
    $evidence = Join-Path $TestDrive 'evidence.txt'
    Set-Content -Path $evidence -Value 'evidence'
    $script:CustomTicket | Add-TicketArticle -Body 'With a file' -Attachment $evidence | Out-Null
    $other = New-Ticket -Title 'Linked ticket' -Group Users -Customer bob@example.com -Body 'x'
    $script:CustomTicket | Add-TicketLink -LinkedTicketId $other.Id -Type normal
    $script:CustomTicket | Add-TicketTimeAccounting -TimeUnit 12.5 | Out-Null

    # Every secret the emulator hands out, including the OAuth token CaseOps fetched (read by
    # reflection, as nothing public may lead to it).
    Get-Case -First 1 | Out-Null
    $flags = [Reflection.BindingFlags]'NonPublic, Instance'
    $provider = $incydr.GetType().GetProperty('Tokens', $flags).GetValue($incydr)
    $state = $provider.GetType().GetField('_current', $flags).GetValue($provider)
    $script:AccessToken = $state.GetType().GetProperty('AccessToken').GetValue($state)
    $script:Secrets = @($Sandbox.ClientSecret, $Sandbox.ZammadTokenText, $script:ZammadPassword, $script:AccessToken)

    $script:Forbidden = 'JValue|JToken|JObject|JArray|JProperty|Newtonsoft|AdditionalProperties|CustomFields|ApiClient|RestClient|Authenticator|TokenProvider'
    $script:IsoDate = '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$'

    function Assert-Clean([string] $Text) {
        $Text | Should -Not -Match $script:Forbidden
        foreach ($secret in $script:Secrets) { $Text | Should -Not -Match ([regex]::Escape($secret)) }
    }

    # Every date-like string of a JSON text, to check against the ISO pattern. A backslash ends it
    # too: RawApiResponse.Content holds the server's JSON as an escaped string.
    function Get-JsonDateText([string] $Json) {
        $found = [regex]::Matches($Json, '"(\d{4}-\d{2}-\d{2}[T ][^"\\]*)') | ForEach-Object { $_.Groups[1].Value }
        $found
    }

    # Only plain values: what a PowerShell user gets from ConvertFrom-Json, Import-Csv, Import-Clixml.
    function Assert-Plain($Value, [int] $Depth = 0) {
        if ($null -eq $Value -or $Depth -gt 12) { return }
        $Value.GetType().FullName | Should -Not -Match 'Newtonsoft'
        foreach ($name in $Value.PSObject.TypeNames) { $name | Should -Not -Match 'Newtonsoft' }
        if ($Value -is [string] -or $Value.GetType().IsPrimitive -or $Value -is [datetime] -or $Value -is [datetimeoffset] -or $Value -is [decimal]) { return }
        if ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [System.Collections.IDictionary]) {
            foreach ($item in $Value) { Assert-Plain $item ($Depth + 1) }
            return
        }
        foreach ($property in $Value.PSObject.Properties) {
            if ($property.MemberType -in 'ScriptProperty', 'CodeProperty', 'Property', 'NoteProperty', 'AliasProperty') {
                Assert-Plain $property.Value ($Depth + 1)
            }
        }
    }
}

AfterAll {
    if (Get-Command Disconnect-CaseOps -ErrorAction SilentlyContinue) { Disconnect-CaseOps }
    if ($script:PasswordConnection) { $script:PasswordConnection.Dispose() }
    if ($script:Sandbox) { $script:Sandbox.Stop() }
}

Describe 'Output of <Type>' -ForEach $Producers {
    BeforeAll {
        $script:Objects = @(& $Get)
        $script:Csv = Join-Path $TestDrive "$($Type -replace '\W', '_').csv"
        $script:Xml = Join-Path $TestDrive "$($Type -replace '\W', '_').xml"
    }

    It 'comes from the emulator as <TypeName>' {
        $Objects.Count | Should -BeGreaterThan 0
        if ($TypeName) { foreach ($o in $Objects) { $o.PSObject.TypeNames[0] | Should -Be $TypeName } }
    }

    It 'converts to JSON at the default depth, with ISO 8601 dates and no secret' {
        $json = $Objects | ConvertTo-Json -WarningAction SilentlyContinue -ErrorAction Stop
        Assert-Clean $json
        foreach ($date in Get-JsonDateText $json) { $date | Should -Match $IsoDate }
        $back = @($json | ConvertFrom-Json)
        $back.Count | Should -Be $Objects.Count
        if ($Key) { $back.$Key | Should -Be $Objects.$Key }
    }

    It 'converts to JSON at depth 10 with only plain values' {
        $json = $Objects | ConvertTo-Json -Depth 10 -ErrorAction Stop
        Assert-Clean $json
        $dates = @(Get-JsonDateText $json)
        if (-not $NoDates) { $dates.Count | Should -BeGreaterThan 0 -Because 'this type carries dates' }
        foreach ($date in $dates) { $date | Should -Match $IsoDate }
        $json | Should -Not -Match '"System\.'   # nothing fell back to a type name
        Assert-Plain ($json | ConvertFrom-Json)
    }

    It 'exports to CSV' {
        $Objects | Export-Csv -Path $Csv -ErrorAction Stop
        $text = Get-Content -Raw $Csv
        Assert-Clean $text
        $rows = @(Import-Csv $Csv)
        $rows.Count | Should -Be $Objects.Count
        if ($Key) { $rows.$Key | Should -Be ($Objects.$Key | ForEach-Object { "$_" }) }
    }

    It 'round-trips through Export-Clixml and Import-Clixml' {
        $Objects | Export-Clixml -Path $Xml -ErrorAction Stop
        Assert-Clean (Get-Content -Raw $Xml)
        $back = @(Import-Clixml $Xml)
        $back.Count | Should -Be $Objects.Count
        if ($Key) { $back.$Key | Should -Be $Objects.$Key }
        if ($TypeName -like 'CaseOps.*') { $back[0].PSObject.TypeNames[0] | Should -Be "Deserialized.$TypeName" }
    }

    It 'shows everything with Select-Object * and plain values only' {
        $selected = @($Objects | Select-Object * -ErrorAction Stop)
        $selected.Count | Should -Be $Objects.Count
        Assert-Clean ($selected | Format-List * | Out-String -Width 300)
        foreach ($item in $selected) { Assert-Plain $item }
    }
}

Describe 'Values that survive serialization' {
    It 'custom fields are plain properties of a ticket' {
        $ticket = Get-Ticket -Id $CustomTicket.Id
        $ticket.incident_ref | Should -BeOfType [string]
        $ticket.incident_ref | Should -Be 'IR-SER-1'
        $ticket.risk_score | Should -Be 77
        $ticket.risk_score.GetType().IsPrimitive | Should -BeTrue
        $ticket.PSObject.Properties.Name | Should -Not -Contain 'CustomFields'
        ($ticket | Select-Object *).incident_ref | Should -Be 'IR-SER-1'
        $ticket.GetCustomFields()['incident_ref'] | Should -Be 'IR-SER-1'
    }

    It 'custom fields come out of JSON as a string, a number and null' {
        $json = Get-Ticket -Id $CustomTicket.Id | ConvertTo-Json
        $json | Should -Match '"incident_ref":\s*"IR-SER-1"'
        $json | Should -Match '"risk_score":\s*77[,\s]'
        $json | Should -Match '"department":\s*null'
        $back = $json | ConvertFrom-Json
        $back.incident_ref | Should -Be 'IR-SER-1'
        $back.risk_score | Should -Be 77
        $back.CreatedAt | Should -Be $CustomTicket.CreatedAt.UtcDateTime
    }

    It 'custom fields come out of CSV as their text' {
        $path = Join-Path $TestDrive 'custom.csv'
        Get-Ticket -Id $CustomTicket.Id | Export-Csv -Path $path
        $row = Import-Csv $path
        $row.incident_ref | Should -Be 'IR-SER-1'
        $row.risk_score | Should -Be '77'
        $row.department | Should -Be ''
    }

    It 'CSV dates read back as the same instant in the current culture' {
        $path = Join-Path $TestDrive 'dates.csv'
        $ticket = Get-Ticket -Id $CustomTicket.Id
        $ticket | Export-Csv -Path $path
        $row = Import-Csv $path
        $row.CreatedAt | Should -Be $ticket.CreatedAt.ToString()
        [DateTimeOffset]::Parse($row.CreatedAt, [cultureinfo]::CurrentCulture).UtcTicks / 1e7 |
            Should -Be ([math]::Floor($ticket.CreatedAt.UtcTicks / 1e7))
    }

    It 'custom fields survive Import-Clixml' {
        $path = Join-Path $TestDrive 'custom.xml'
        Get-Ticket -Id $CustomTicket.Id | Export-Clixml -Path $path
        $back = Import-Clixml $path
        $back.Id | Should -Be $CustomTicket.Id
        $back.Number | Should -Be $CustomTicket.Number
        $back.Title | Should -Be 'Serialized ticket'
        $back.incident_ref | Should -Be 'IR-SER-1'
        $back.risk_score | Should -Be 77
        # Clixml knows DateTimeOffset only as a property bag (PowerShell's own behaviour); its parts come back.
        $back.CreatedAt.UtcDateTime | Should -Be $CustomTicket.CreatedAt.UtcDateTime
        $back.CreatedAt.Offset | Should -Be $CustomTicket.CreatedAt.Offset
    }

    It 'a case round-trips through Import-Clixml with its number, name and dates' {
        $case = Get-Case -Number 1
        $path = Join-Path $TestDrive 'case.xml'
        $case | Export-Clixml -Path $path
        $back = Import-Clixml $path
        $back.Number | Should -Be 1
        $back.Name | Should -Be $case.Name
        $back.CreatedAt.UtcDateTime | Should -Be $case.CreatedAt.UtcDateTime
    }

    It 'a file event''s detail keeps its nested parts as plain objects in JSON' {
        $detail = Get-CaseFileEvent -CaseNumber $EventCase | Select-Object -First 1 | Get-CaseFileEvent
        $back = $detail | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $back.EventId | Should -Be $detail.EventId
        $back.File.Name | Should -Be $detail.File.Name
        $back.File.Hash.Sha256 | Should -Be $detail.File.Hash.Sha256
        @($back.Risk.Indicators).Count | Should -Be @($detail.Risk.Indicators).Count
        $detail.Event.Inserted | Should -Not -BeNullOrEmpty
        ($detail | ConvertTo-Json -Depth 10) | Should -Match '"Inserted":\s*"\d{4}-\d{2}-\d{2}T'
    }

    It 'fields CaseOps does not model are plain values by name' {
        $detail = Get-CaseFileEvent -CaseNumber $EventCase | Select-Object -First 1 | Get-CaseFileEvent
        $extra = $detail.Destination.GetAdditionalProperties()
        $extra.Keys | Should -Contain 'removableMedia'
        Assert-Plain $extra
        $extra['removableMedia'] | Should -BeOfType [pscustomobject]
        ($extra | ConvertTo-Json -Depth 5) | Should -Not -Match 'JValue|JToken'
    }

    It 'a raw response keeps its status, headers and body' {
        $raw = Invoke-CaseOpsRequest v1/cases/1 -Service Incydr -Raw
        $back = $raw | ConvertTo-Json | ConvertFrom-Json
        $back.StatusCode | Should -Be 200
        ($back.Content | ConvertFrom-Json).number | Should -Be 1
        $back.Headers.PSObject.Properties.Name | Should -Not -Contain 'Authorization'
    }

    It 'the total count keeps its number in JSON and Clixml' {
        $total = Get-Case -IncludeTotalCount -First 1 | Select-Object -First 1
        [uint64]$total | Should -Be 10
        $back = $total | ConvertTo-Json | ConvertFrom-Json
        $back.value | Should -Be 10
        $back.Accuracy | Should -Be 1.0
        $path = Join-Path $TestDrive 'total.xml'
        $total | Export-Clixml -Path $path
        [uint64](Import-Clixml $path) | Should -Be 10
    }

    It 'a custom field edit still reaches Set-Ticket' {
        $ticket = Get-Ticket -Id $CustomTicket.Id
        $ticket.incident_ref = 'IR-SER-2'
        $ticket | Set-Ticket | Out-Null
        (Get-Ticket -Id $CustomTicket.Id).incident_ref | Should -Be 'IR-SER-2'
    }
}
