<#
.SYNOPSIS
    Starts the CaseOps emulator (src/CaseOps.Sandbox) in the background and returns where it listens.

.DESCRIPTION
    Runs the built emulator with `dotnet`, waits for its banner on stdout and returns an object with
    Uri, ClientId, ClientSecret, Credential (Incydr), ZammadUri, ZammadToken (SecureString),
    ZammadTokenText (Zammad) and Process, and a Stop() method. The emulator's stdin is a
    pipe held by this PowerShell process, so the emulator also ends when this process ends.
    Build first (./build.ps1 -Task Build).

.EXAMPLE
    $sandbox = ./tools/Start-Sandbox.ps1 -Cases 500
    try { Connect-Incydr -Uri $sandbox.Uri -Credential $sandbox.Credential; Get-Case -First 3 }
    finally { $sandbox.Stop() }
#>
[CmdletBinding()]
[OutputType([pscustomobject])]
param(
    # Build configuration whose emulator to run. Default: $env:CASEOPS_CONFIGURATION, else the most recently built one.
    [string] $Configuration = $env:CASEOPS_CONFIGURATION,

    # Listen address; port 0 picks a free port.
    [string] $Urls = 'http://127.0.0.1:0',

    [ValidateRange(0, [int]::MaxValue)]
    [int] $Cases = 200,

    [ValidateRange(0, [int]::MaxValue)]
    [int] $Tickets = 60,

    [int] $Seed = 42,

    # Further emulator options, e.g. '--latency-ms', '50'.
    [string[]] $ArgumentList = @(),

    # How long to wait for the banner.
    [ValidateRange(1, 600)]
    [int] $TimeoutSec = 60
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repoRoot = Split-Path -Parent $PSScriptRoot
$binRoot = Join-Path $repoRoot 'src/CaseOps.Sandbox/bin'
$pattern = if ($Configuration) { Join-Path $binRoot "$Configuration/*/CaseOps.Sandbox.dll" } else { Join-Path $binRoot '*/*/CaseOps.Sandbox.dll' }
$dll = Get-Item -Path $pattern -ErrorAction SilentlyContinue | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
if (-not $dll) {
    $which = if ($Configuration) { "the $Configuration build of " } else { '' }
    throw "Cannot find ${which}the emulator ($pattern). Build it first: ./build.ps1 -Task Build$(if ($Configuration) { " -Configuration $Configuration" })"
}
$dotnet = (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1)
if (-not $dotnet) { throw 'Cannot find the dotnet command on PATH; the emulator needs the .NET runtime.' }

$arguments = @($dll.FullName, '--urls', $Urls, '--cases', "$Cases", '--tickets', "$Tickets", '--seed', "$Seed") + $ArgumentList
$startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet.Source)
if ($startInfo.PSObject.Properties['ArgumentList']) {
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
}
else {
    # Windows PowerShell 5.1 (.NET Framework) has only the single argument string.
    $startInfo.Arguments = ($arguments | ForEach-Object { if ($_ -match '[\s"]') { '"' + ($_ -replace '"', '\"') + '"' } else { $_ } }) -join ' '
}
$startInfo.WorkingDirectory = $repoRoot
$startInfo.UseShellExecute = $false
$startInfo.RedirectStandardInput = $true   # the emulator stops when this pipe closes
$startInfo.RedirectStandardOutput = $true
$startInfo.RedirectStandardError = $true

Write-Verbose "Starting $($dotnet.Source) $($arguments -join ' ')"
$process = [System.Diagnostics.Process]::Start($startInfo)
$stderr = $process.StandardError.ReadToEndAsync()   # drained all along, so the emulator never blocks on it

function Stop-SandboxProcess([System.Diagnostics.Process] $Process) {
    if ($Process.HasExited) { return }
    try { $Process.StandardInput.Close() } catch { Write-Verbose "Closing the emulator's stdin failed: $_" }
    if (-not $Process.WaitForExit(3000)) {
        try { $Process.Kill() } catch [System.InvalidOperationException] { return }   # it ended meanwhile
        $null = $Process.WaitForExit(5000)
    }
}

$banner = @{}
$seen = [System.Collections.Generic.List[string]]::new()
$deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
try {
    while (-not ($banner.ContainsKey('Incydr') -and $banner.ContainsKey('Incydr client secret') -and $banner.ContainsKey('Zammad token'))) {
        $remaining = $deadline - [DateTime]::UtcNow
        $read = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
            throw "The emulator printed no 'Incydr:' line within $TimeoutSec s. Output so far: $($seen -join ' | ')"
        }
        $line = $read.Result
        if ($null -eq $line) {
            $null = $process.WaitForExit(5000)
            $errorText = if ($stderr.Wait(2000)) { $stderr.Result.Trim() } else { '' }
            $exitCode = if ($process.HasExited) { $process.ExitCode } else { 'unknown' }
            throw "The emulator ended before it was ready (exit code $exitCode). $errorText $($seen -join ' | ')".Trim()
        }
        $seen.Add($line)
        if ($line -match '^(?<key>Incydr(?: client id| client secret)?|Zammad(?: token)?):\s*(?<value>\S+)\s*$') {
            $banner[$Matches.key] = $Matches.value
        }
    }
}
catch {
    Stop-SandboxProcess $process
    throw
}
$null = $process.StandardOutput.ReadToEndAsync()   # keep draining stdout too

$secret = ConvertTo-SecureString -String $banner['Incydr client secret'] -AsPlainText -Force
$sandbox = [pscustomobject]@{
    PSTypeName   = 'CaseOps.SandboxProcess'
    Uri          = $banner['Incydr'].TrimEnd('/')
    ClientId     = $banner['Incydr client id']
    ClientSecret = $banner['Incydr client secret']
    Credential   = [pscredential]::new($banner['Incydr client id'], $secret)
    ZammadUri    = $banner['Zammad']
    ZammadToken  = ConvertTo-SecureString -String $banner['Zammad token'] -AsPlainText -Force
    ZammadTokenText = $banner['Zammad token']
    Process      = $process
    Banner       = $seen.ToArray()
}
$stopScript = ${function:Stop-SandboxProcess}
$sandbox | Add-Member -MemberType ScriptMethod -Name Stop -Value { & $stopScript $this.Process }.GetNewClosure()
Write-Verbose "Emulator (process $($process.Id)) listens on $($sandbox.Uri)"
$sandbox
