<#
.SYNOPSIS
    Times Import-Module CaseOps, and the first cmdlet run after it, in fresh pwsh processes.

.DESCRIPTION
    Each run starts a new `pwsh -NoProfile`, which times (with a Stopwatch inside the process, so pwsh's own
    start-up is not counted) Import-Module of the manifest, then the first cmdlet run (Disconnect-CaseOps,
    which needs no server but loads the engine through the module's load context). Several manifests are
    measured side by side, interleaved run by run, so machine noise hits them alike. Prints the median,
    minimum and maximum of each. docs/performance.md has the numbers and the command that produced them.

.EXAMPLE
    ./tools/Measure-ModuleImport.ps1 -Manifest ../before/artifacts/module/CaseOps/CaseOps.psd1, ./artifacts/module/CaseOps/CaseOps.psd1 -Runs 15
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string[]] $Manifest,
    [ValidateRange(1, 100)][int] $Runs = 15
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$probe = @'
param($path)
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $path -ErrorAction Stop
$import = $watch.Elapsed.TotalMilliseconds
Disconnect-CaseOps
'{0:F1} {1:F1}' -f $import, $watch.Elapsed.TotalMilliseconds
'@
$probeFile = Join-Path ([System.IO.Path]::GetTempPath()) "caseops-import-probe-$PID.ps1"
Set-Content -Path $probeFile -Value $probe -Encoding utf8

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

try {
    $paths = $Manifest | ForEach-Object { (Resolve-Path $_).Path }
    $samples = @{}
    foreach ($path in $paths) { $samples[$path] = [System.Collections.Generic.List[double[]]]::new() }
    foreach ($path in $paths) { $null = & pwsh -NoProfile -NonInteractive -File $probeFile $path }   # warm the disk cache
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($path in $paths) {
            $line = & pwsh -NoProfile -NonInteractive -File $probeFile $path
            if ($LASTEXITCODE -ne 0) { throw "The probe failed for $path (exit code $LASTEXITCODE): $line" }
            $parts = ($line | Select-Object -Last 1) -split ' '
            $samples[$path].Add([double[]]@([double]$parts[0], [double]$parts[1]))
        }
    }
    foreach ($path in $paths) {
        $import = [double[]]($samples[$path] | ForEach-Object { $_[0] })
        $first = [double[]]($samples[$path] | ForEach-Object { $_[1] })
        [pscustomobject]@{
            Manifest            = $path
            Runs                = $Runs
            ImportMedianMs      = [math]::Round((Get-Median $import), 1)
            ImportMinMs         = [math]::Round(($import | Measure-Object -Minimum).Minimum, 1)
            ImportMaxMs         = [math]::Round(($import | Measure-Object -Maximum).Maximum, 1)
            FirstCmdletMedianMs = [math]::Round((Get-Median $first), 1)
        }
    }
}
finally {
    Remove-Item -Path $probeFile -ErrorAction SilentlyContinue
}
