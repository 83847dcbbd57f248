<#
    One case of the conflict matrix (tests/Coexistence.Tests.ps1), run in a fresh pwsh process so every
    case starts with nothing loaded. Loads another module's RestSharp or Polly.Core (Add-Type) before or
    after CaseOps, uses CaseOps against the emulators, and prints one line "COEXISTENCE-RESULT <json>"
    with what it saw; the Pester file asserts on it. Any error ends the process with exit code 1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateSet('RestSharp108First', 'RestSharp114First', 'Polly81First', 'ImportThenRestSharp108', 'CaseOpsFirstThenBoth')]
    [string] $Case,

    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $RestSharp108,
    [Parameter(Mandatory)] [string] $RestSharp114,
    [Parameter(Mandatory)] [string] $Polly81,
    [Parameter(Mandatory)] [string] $Uri,
    [Parameter(Mandatory)] [string] $FaultUri,
    [Parameter(Mandatory)] [string] $ClientId,
    [Parameter(Mandatory)] [string] $ClientSecret,
    [Parameter(Mandatory)] [string] $ZammadUri,
    [Parameter(Mandatory)] [string] $ZammadToken
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
trap {
    [Console]::Error.WriteLine("COEXISTENCE-ERROR [$Case] $($_.Exception.GetType().FullName): $($_.Exception.Message)`n$($_.ScriptStackTrace)")
    exit 1
}

$credential = [pscredential]::new($ClientId, (ConvertTo-SecureString $ClientSecret -AsPlainText -Force))
$zammadSecureToken = ConvertTo-SecureString $ZammadToken -AsPlainText -Force
$foreign = [System.Collections.Generic.List[string]]::new()

# The objects a command wrote, and the messages of its verbose records (the requests it sent).
function Split-Verbose([object[]] $Output) {
    @{
        Objects = @($Output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        Verbose = @($Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
    }
}

function Measure-Numbers([object[]] $Cases) {
    [ordered]@{
        Count    = $Cases.Count
        Distinct = @($Cases.Number | Sort-Object -Unique).Count
        Numbers  = ($Cases.Number -join ',')
    }
}

# The three uses every case makes of CaseOps: two pages, a listing under injected 429/503, Zammad.
function Use-CaseOps([string] $Label) {
    $null = Connect-Incydr -Uri $Uri -Credential $credential
    $listing = Split-Verbose (& { Get-Case -PageSize 50 -First 100 -Verbose } 4>&1)
    $twoPages = Measure-Numbers $listing.Objects
    $twoPages.Requests = @($listing.Verbose -match '^GET \S+/v1/cases\?').Count

    # The fault emulator answers a share of requests 429 (Retry-After: 0) or 503; retries absorb them.
    $null = Connect-Incydr -Uri $FaultUri -Credential $credential -MaxRetries 10
    $listing = Split-Verbose (& { Get-Case -PageSize 20 -First 100 -Verbose } 4>&1)
    $faulted = Measure-Numbers $listing.Objects
    $faulted.Answers429 = @($listing.Verbose -match '^GET \S+/v1/cases\?\S* -> 429 ').Count
    $faulted.Answers503 = @($listing.Verbose -match '^GET \S+/v1/cases\?\S* -> 503 ').Count
    $faulted.Retries = @($listing.Verbose -match '^Retry \d+ of ').Count

    $null = Connect-Zammad -Uri $ZammadUri -Token $zammadSecureToken
    $tickets = @(Get-Ticket -Expand -First 5)
    [ordered]@{
        Label    = $Label
        TwoPages = $twoPages
        Faulted  = $faulted
        Tickets  = [ordered]@{
            Count    = $tickets.Count
            Distinct = @($tickets.Id | Sort-Object -Unique).Count
            # -Expand resolves the ids to names: every ticket has its state, group and customer by name.
            Expanded = @($tickets | Where-Object { $_.State -is [string] -and $_.State -and $_.Group -is [string] -and $_.Group -and $_.Customer -is [string] -and $_.Customer }).Count
        }
    }
}

function Add-Foreign([string] $Path) {
    Add-Type -Path $Path
    $foreign.Add($Path)
}

$uses = [System.Collections.Generic.List[object]]::new()
switch ($Case) {
    'RestSharp108First' { Add-Foreign $RestSharp108; Import-Module $ModuleManifest; $uses.Add((Use-CaseOps 'after-load')) }
    'RestSharp114First' { Add-Foreign $RestSharp114; Import-Module $ModuleManifest; $uses.Add((Use-CaseOps 'after-load')) }
    'Polly81First' { Add-Foreign $Polly81; Import-Module $ModuleManifest; $uses.Add((Use-CaseOps 'after-load')) }
    # The racy order: the module is imported (resolver registered) but the engine not yet loaded when the other RestSharp arrives.
    'ImportThenRestSharp108' { Import-Module $ModuleManifest; Add-Foreign $RestSharp108; $uses.Add((Use-CaseOps 'after-load')) }
    'CaseOpsFirstThenBoth' {
        Import-Module $ModuleManifest
        $uses.Add((Use-CaseOps 'before-load'))
        Add-Foreign $RestSharp108
        Add-Foreign $Polly81
        $uses.Add((Use-CaseOps 'after-load'))
    }
}

# The other module's types, resolved by name as its scripts would, and used.
$typeChecks = foreach ($path in $foreign) {
    $name = [System.Reflection.AssemblyName]::GetAssemblyName($path).Name
    if ($name -eq 'RestSharp') {
        $type = 'RestSharp.RestClient' -as [type]
        $client = New-Object -TypeName RestSharp.RestClient -ArgumentList 'http://127.0.0.1:9/'
        $use = "$($client.Options.BaseUrl)"
        $client.Dispose()
    }
    else {
        $type = 'Polly.ResiliencePipelineBuilder' -as [type]
        $pipeline = (New-Object -TypeName Polly.ResiliencePipelineBuilder).Build()
        $use = "$($pipeline.Execute([Func[int]] { 6 * 7 }))"
        $client = $pipeline
    }
    [ordered]@{
        Path             = $path
        TypeName         = "$type"
        TypeLocation     = if ($type) { $type.Assembly.Location } else { $null }
        InstanceLocation = $client.GetType().Assembly.Location
        Use              = $use
    }
}

$assemblies = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -notin 'RestSharp', 'Polly.Core', 'CaseOps', 'CaseOps.Models', 'CaseOps.Engine') { continue }
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly)
    $informational = $assembly.GetCustomAttributes([System.Reflection.AssemblyInformationalVersionAttribute], $false) | Select-Object -First 1
    [ordered]@{
        Name                 = $name.Name
        Version              = "$($name.Version)"
        InformationalVersion = if ($informational) { ($informational.InformationalVersion -split '\+')[0] } else { $null }
        Location             = $assembly.Location
        Context              = $context.GetType().FullName
        IsDefaultContext     = [object]::ReferenceEquals($context, [System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}

$result = [ordered]@{
    Case       = $Case
    Uses       = @($uses)
    TypeChecks = @($typeChecks)
    Assemblies = @($assemblies)
}
[Console]::Out.WriteLine('COEXISTENCE-RESULT ' + ($result | ConvertTo-Json -Depth 6 -Compress))
exit 0
