<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates CaseOps.

.DESCRIPTION
    Build    dotnet build CaseOps.slnx; stages the importable module in artifacts/module/CaseOps/.
    Test     Build, then the xunit suite (dotnet test, TRX) and the Pester suite (tests/*.Tests.ps1, NUnit XML),
             both into artifacts/test-results/, with counts in artifacts/test-results/summary.json. The counts are
             the runners' own summaries (the TRX ResultSummary counters, Pester's result object); the last line
             printed is "N passed, N failed" over both suites, and the exit code is 1 when anything failed.
    Docs     tools/Build-Docs.ps1: docs/*.md to MAML help in module/en-US/ (PlatyPS 1.x).
    Package  Release build, then artifacts/package/CaseOps.<version>.nupkg (PowerShell Gallery, made by dotnet pack
             from the nuspec tools/Package/Write-Nuspec.ps1 writes from the manifest) and artifacts/package/CaseOps.zip
             (Azure Automation).
    Demo     Build, start the emulator, run tools/Demo.ps1 against it, stop the emulator.
    Mutate   Mutation testing of the core with Stryker.NET (the local tool in .config/dotnet-tools.json): the HTTP
             core, PageStream and the token provider (tools/Mutate/stryker-engine.json) and ErrorRecordFactory
             (tools/Mutate/stryker-cmdlets.json), against the core's own xunit tests (namespaces CaseOps.Tests.Http
             and CaseOps.Tests.Paging; no runspace), or against the whole xunit suite with -WholeSuite (hours, not
             minutes). -MutateFile narrows it to files (globs). Reports go to
             artifacts/mutation/<part>/reports/mutation-report.html. Not part of Test or CI.

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo', 'Mutate')]
    [string] $Task = 'Build',

    # Mutate only: glob patterns of the files to mutate, e.g. '**/Paging/PageStream.cs' (default: the configured core files).
    [string[]] $MutateFile = @(),

    # Mutate only: test each mutant against the whole xunit suite, cmdlet tests included, instead of the core's own tests.
    [switch] $WholeSuite,

    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'CaseOps.slnx'
$TestResultsDir = Join-Path $RepoRoot 'artifacts/test-results'
$PackageDir = Join-Path $RepoRoot 'artifacts/package'
$StagedModuleDir = Join-Path $RepoRoot 'artifacts/module/CaseOps'

# Versions installed when a module is missing and the PowerShell Gallery can be reached.
$PinnedModules = @{
    'Pester'                        = [version] '5.9.0'
    'Microsoft.PowerShell.PlatyPS' = [version] '1.0.3'
}

function Write-Step([string] $Text) { Write-Host "==> $Text" -ForegroundColor Cyan }

# Runs dotnet with its output on the host; throws with $Failure when it fails, else returns the exit code.
function Invoke-Dotnet([string[]] $ArgumentList, [string] $Failure) {
    Write-Host "dotnet $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & dotnet @ArgumentList | Out-Host
    if ($Failure -and $LASTEXITCODE -ne 0) { throw "$Failure (exit code $LASTEXITCODE)." }
    return $LASTEXITCODE
}

function Invoke-Build([string] $BuildConfiguration) {
    Write-Step "Build ($BuildConfiguration)"
    $null = Invoke-Dotnet @('build', $Solution, '-c', $BuildConfiguration) 'dotnet build failed'
    if (-not (Test-Path "$StagedModuleDir/CaseOps.psd1")) { throw "The build did not stage the module: $StagedModuleDir/CaseOps.psd1 is missing." }
}

function Find-RequiredModule([string] $Name, [int] $Major) {
    Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version.Major -eq $Major } | Sort-Object Version -Descending | Select-Object -First 1
}

<#
  Returns the newest installed version <Major>.x of the module. When there is none and the Gallery can be
  reached, installs the pinned version for the current user first; otherwise fails saying what is missing.
#>
function Assert-RequiredModule([string] $Name) {
    $pinned = $PinnedModules[$Name]
    $found = Find-RequiredModule $Name $pinned.Major
    if ($found) { return $found }

    $what = "PowerShell module $Name $($pinned.Major).x (pinned: $pinned)"
    $installed = Get-Module -ListAvailable -Name $Name | ForEach-Object { $_.Version } | Sort-Object -Unique
    $have = if ($installed) { "only version(s) $($installed -join ', ') installed" } else { 'not installed' }
    try { $null = Invoke-WebRequest -Uri 'https://www.powershellgallery.com/api/v2/' -TimeoutSec 10 -UseBasicParsing }
    catch {
        throw "Missing: $what ($have), and the PowerShell Gallery cannot be reached to install it ($_). " +
            "Install $Name $pinned for this PowerShell, or put a PowerShell that has it first on PATH."
    }
    if (Get-Command Install-PSResource -ErrorAction SilentlyContinue) {
        Write-Step "Installing $Name $pinned from the PowerShell Gallery (Install-PSResource, current user)"
        $null = Install-PSResource -Name $Name -Version $pinned.ToString() -Scope CurrentUser -TrustRepository -Quiet
    }
    elseif (Get-Command Install-Module -ErrorAction SilentlyContinue) {
        Write-Step "Installing $Name $pinned from the PowerShell Gallery (Install-Module, current user)"
        $null = Install-Module -Name $Name -RequiredVersion $pinned -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber
    }
    else { throw "Missing: $what ($have); neither Install-PSResource nor Install-Module is available to install it." }
    $found = Find-RequiredModule $Name $pinned.Major
    if (-not $found) { throw "Missing: $what; installing it reported no error, but it still cannot be found." }
    return $found
}

<#
  One suite's counts. A problem (the suite did not run, failed outside a test, or exited non-zero without a
  failed test) counts as one failure when no test failed, so the totals never say "0 failed" for a failed run.
#>
function New-SuiteResult([string] $Name, [int] $ExitCode = 1, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0, [string] $Problem) {
    if (-not $Problem -and $ExitCode -ne 0 -and $Failed -eq 0) { $Problem = "$Name reported failure (exit code $ExitCode) but no failed test" }
    if ($Problem) {
        Write-Warning $Problem
        if ($Failed -eq 0) { $Failed = 1 }
    }
    [ordered]@{ name = $Name; exitCode = $ExitCode; passed = $Passed; failed = $Failed; skipped = $Skipped; problem = $Problem }
}

function Invoke-XunitSuite {
    Write-Step "xunit (dotnet test, $Configuration)"
    # The tests host their own PowerShell; this pwsh's module path (its own version's modules) must not leak into it.
    $modulePath = $env:PSModulePath
    try {
        Remove-Item Env:PSModulePath -ErrorAction SilentlyContinue
        $exitCode = Invoke-Dotnet @('test', $Solution, '-c', $Configuration, '--no-build',
            '--results-directory', $TestResultsDir, '--logger', 'trx;LogFilePrefix=xunit')
    }
    finally { $env:PSModulePath = $modulePath }
    # The TRX logger's own summary of each test project: <ResultSummary><Counters total=".." passed=".." failed=".." .../>.
    $counters = @(Get-ChildItem -Path $TestResultsDir -Filter '*.trx' -File | ForEach-Object { ([xml](Get-Content -Raw $_.FullName)).TestRun.ResultSummary.Counters })
    if ($counters.Count -eq 0) { return New-SuiteResult 'xunit' $exitCode -Problem "xunit wrote no TRX file (dotnet test exit code $exitCode)" }
    $passed = Get-CounterSum $counters 'passed'
    $failed = Get-CounterSum $counters 'failed', 'error', 'timeout', 'aborted'
    New-SuiteResult 'xunit' $exitCode $passed $failed ((Get-CounterSum $counters 'total') - $passed - $failed)
}

function Get-CounterSum($Counters, [string[]] $Attribute) {
    [int]($Counters | ForEach-Object { foreach ($name in $Attribute) { [int]$_.GetAttribute($name) } } | Measure-Object -Sum).Sum
}

function Invoke-PesterSuite {
    Write-Step 'Pester (tests/*.Tests.ps1)'
    Import-Module (Assert-RequiredModule 'Pester').Path -Force
    $files = @(Get-ChildItem -Path (Join-Path $RepoRoot 'tests') -Filter '*.Tests.ps1' -File | ForEach-Object FullName)
    if ($files.Count -eq 0) { return New-SuiteResult 'pester' -Problem 'Pester found no tests/*.Tests.ps1' }
    $config = New-PesterConfiguration -Hashtable @{
        Run        = @{ Path = $files; PassThru = $true }
        Output     = @{ Verbosity = 'Detailed'; RenderMode = $(if ([Console]::IsOutputRedirected) { 'Plaintext' } else { 'Auto' }) }   # CI logs: no colour codes
        TestResult = @{ Enabled = $true; OutputFormat = 'NUnitXml'; OutputPath = (Join-Path $TestResultsDir 'pester.xml') }
    }
    # The tests start the emulator of the configuration just built (tools/Start-Sandbox.ps1 reads this).
    $env:CASEOPS_CONFIGURATION = $Configuration
    try { $run = Invoke-Pester -Configuration $config }
    finally { Remove-Item Env:CASEOPS_CONFIGURATION -ErrorAction SilentlyContinue }
    $problem = if ($run.FailedContainersCount -gt 0 -or $run.FailedBlocksCount -gt 0) {
        "Pester: $($run.FailedContainersCount) test file(s) and $($run.FailedBlocksCount) block(s) failed outside a test"
    }
    New-SuiteResult 'pester' ([int]($run.Result -ne 'Passed')) $run.PassedCount $run.FailedCount ($run.SkippedCount + $run.NotRunCount + $run.InconclusiveCount) $problem
}

# Writes summary.json and the counts; the last line is "N passed, N failed". Returns true when nothing failed.
function Write-TestSummary([System.Collections.IDictionary[]] $Suites) {
    $total = [ordered]@{}
    foreach ($count in 'passed', 'failed', 'skipped') { $total[$count] = [int]($Suites | ForEach-Object { $_[$count] } | Measure-Object -Sum).Sum }
    $summary = [ordered]@{ configuration = $Configuration; suites = [ordered]@{}; total = $total }
    foreach ($suite in $Suites) {
        $summary.suites[$suite.name] = $suite
        Write-Host ("{0,-7} {1} passed, {2} failed, {3} skipped{4}" -f $suite.name, $suite.passed, $suite.failed, $suite.skipped,
            $(if ($suite.problem) { " ($($suite.problem))" } else { '' }))
    }
    $summary | ConvertTo-Json -Depth 5 | Set-Content -Path (Join-Path $TestResultsDir 'summary.json') -Encoding utf8
    Write-Host "$($total.passed) passed, $($total.failed) failed"
    return $total.failed -eq 0
}

function Invoke-TestTask {
    if (Test-Path $TestResultsDir) { Remove-Item -Path $TestResultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $TestResultsDir -Force
    try { Invoke-Build $Configuration }
    catch {
        $null = Write-TestSummary @('xunit', 'pester' | ForEach-Object { New-SuiteResult $_ -Problem "$_ did not run: the build failed" })
        throw
    }
    $suites = foreach ($suite in 'Xunit', 'Pester') {
        try { & "Invoke-${suite}Suite" }
        catch { New-SuiteResult $suite.ToLowerInvariant() -Problem "$suite could not be run or counted: $_" }
    }
    return Write-TestSummary $suites
}

function Invoke-PackageTask {
    if ($Configuration -ne 'Release') { Write-Warning "Package always builds Release (ignoring -Configuration $Configuration)." }
    Invoke-Build 'Release'

    # Stage the module afresh for the package, so files left in artifacts/module by older builds stay out.
    $packageStage = Join-Path $PackageDir 'stage/CaseOps'
    if (Test-Path $PackageDir) { Remove-Item -Path $PackageDir -Recurse -Force }
    Write-Step 'Stage the module for packaging'
    $null = Invoke-Dotnet @('build', (Join-Path $RepoRoot 'src/CaseOps/CaseOps.csproj'), '-c', 'Release', '--no-restore',
        "-p:ModuleStagingDir=$packageStage$([System.IO.Path]::DirectorySeparatorChar)") 'Staging the module for the package failed'
    if (-not (Test-Path (Join-Path $packageStage 'CaseOps.psd1'))) { throw "The module was not staged into $packageStage." }

    $nuspec = Join-Path $PackageDir 'stage/CaseOps.nuspec'
    $version = & (Join-Path $RepoRoot 'tools/Package/Write-Nuspec.ps1') -ModuleDir $packageStage -Path $nuspec
    $nupkg = Join-Path $PackageDir "CaseOps.$version.nupkg"
    $automationZip = Join-Path $PackageDir 'CaseOps.zip'
    Write-Step "Package CaseOps $version"
    $null = Invoke-Dotnet @('pack', (Join-Path $RepoRoot 'tools/Package/CaseOps.Package.csproj'), '--nologo',
        "-p:NuspecFile=$nuspec", "-p:NuspecBasePath=$packageStage", '-o', $PackageDir) 'dotnet pack failed'
    if (-not (Test-Path $nupkg)) { throw "dotnet pack did not write $nupkg." }
    # Azure Automation imports a zip whose top folder is the module: CaseOps/CaseOps.psd1, CaseOps/Dependencies/...
    [System.IO.Compression.ZipFile]::CreateFromDirectory($packageStage, $automationZip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Remove-Item -Path (Split-Path $packageStage) -Recurse -Force
    Get-Item $nupkg, $automationZip | ForEach-Object { Write-Host ("{0} ({1:N0} bytes)" -f [System.IO.Path]::GetRelativePath($RepoRoot, $_.FullName), $_.Length) }
}

function Invoke-DocsTask {
    Import-Module (Assert-RequiredModule 'Microsoft.PowerShell.PlatyPS').Path -Force
    Write-Step 'Docs (tools/Build-Docs.ps1)'
    $global:LASTEXITCODE = 0
    & (Join-Path $RepoRoot 'tools/Build-Docs.ps1')
    if ($LASTEXITCODE -ne 0) { throw "tools/Build-Docs.ps1 failed (exit code $LASTEXITCODE)." }
}

function Invoke-DemoTask {
    Invoke-Build $Configuration
    Write-Step 'Start the emulator'
    $sandbox = & (Join-Path $RepoRoot 'tools/Start-Sandbox.ps1') -Configuration $Configuration
    try {
        Write-Host "Emulator listening on $($sandbox.Uri) (process $($sandbox.Process.Id))"
        & (Join-Path $RepoRoot 'tools/Demo.ps1') -Uri $sandbox.Uri -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -ZammadUri $sandbox.ZammadUri -ZammadToken $sandbox.ZammadTokenText
    }
    finally {
        Write-Step 'Stop the emulator'
        $sandbox.Stop()
    }
}

# The core's own tests: they drive ApiClient, PageStream, the token provider and ErrorRecordFactory from C#
# against the emulator or a stub server, without a runspace. Each mutant's test run then takes seconds, where
# the cmdlet tests that reach the same code take tens of seconds (docs/performance.md, "Mutation testing").
$CoreTestFilter = 'FullyQualifiedName~CaseOps.Tests.Http.|FullyQualifiedName~CaseOps.Tests.Paging.'

function Invoke-MutateTask {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Build 'Release'
    Write-Step 'Restore the Stryker tool (.config/dotnet-tools.json)'
    $null = Invoke-Dotnet @('tool', 'restore') 'dotnet tool restore failed'
    $testProject = Join-Path $RepoRoot 'tests/CaseOps.Tests'
    $parts = [ordered]@{ engine = 'CaseOps.Engine.csproj'; cmdlets = 'CaseOps.csproj' }
    foreach ($part in $parts.Keys) {
        $config = Join-Path $RepoRoot "tools/Mutate/stryker-$part.json"
        $arguments = @('tool', 'run', 'dotnet-stryker', '--', '--config-file', $config, '--skip-version-check',
            '--output', (Join-Path $RepoRoot "artifacts/mutation/$part"))
        if (-not $WholeSuite) { $arguments += @('--test-case-filter', $CoreTestFilter) }
        if ($MutateFile.Count -gt 0) {
            # Only the files of this part: Stryker stops when a pattern matches nothing in the project.
            $projectDir = Split-Path (Get-ChildItem -Path (Join-Path $RepoRoot 'src') -Recurse -Filter $parts[$part]).FullName
            $mine = @($MutateFile | Where-Object { Get-ChildItem -Path $projectDir -Recurse -Filter (Split-Path $_ -Leaf) })
            if ($mine.Count -eq 0) { continue }
            foreach ($pattern in $mine) { $arguments += @('--mutate', $pattern) }
        }
        Write-Step "Mutation testing: $part"
        Push-Location $testProject
        try { $null = Invoke-Dotnet $arguments "Stryker failed for $part" }
        finally { Pop-Location }
        Write-MutationScore (Join-Path $RepoRoot "artifacts/mutation/$part/reports/mutation-report.json")
    }
    Write-Host ('Mutation testing took {0:N1} min' -f $watch.Elapsed.TotalMinutes)
}

# One line per mutated file from Stryker's JSON report: what became of its mutants, and the score
# Stryker reports ((killed + timeout) / (all but compile errors and ignored)).
function Write-MutationScore([string] $Report) {
    if (-not (Test-Path $Report)) { Write-Warning "No mutation report at $Report"; return }
    $files = (Get-Content -Raw $Report | ConvertFrom-Json).files
    foreach ($file in $files.PSObject.Properties) {
        $mutants = @($file.Value.mutants | Where-Object status -NotIn 'Ignored', 'CompileError')
        if ($mutants.Count -eq 0) { continue }
        $count = @{}
        foreach ($status in 'Killed', 'Timeout', 'Survived', 'NoCoverage') { $count[$status] = @($mutants | Where-Object status -EQ $status).Count }
        $score = 100.0 * ($count.Killed + $count.Timeout) / $mutants.Count
        Write-Host ('{0,-45} {1,6:N1}%  killed {2}, timeout {3}, survived {4}, no coverage {5}' -f
            (Split-Path $file.Name -Leaf), $score, $count.Killed, $count.Timeout, $count.Survived, $count.NoCoverage)
        foreach ($mutant in $mutants | Where-Object status -In 'Survived', 'NoCoverage') {
            Write-Host ('    {0} line {1}: {2} -> {3}' -f $mutant.status, $mutant.location.start.line, $mutant.mutatorName, ($mutant.replacement -replace '\s+', ' ')) -ForegroundColor DarkYellow
        }
    }
}

$exitCode = 0
try {
    Push-Location $RepoRoot
    switch ($Task) {
        'Build' { Invoke-Build $Configuration }
        # A test failure is already said by the summary, whose count line stays the last one printed.
        'Test' { if (-not (Invoke-TestTask)) { $exitCode = 1 } }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Demo' { Invoke-DemoTask }
        'Mutate' { Invoke-MutateTask }
    }
}
catch {
    $host.UI.WriteErrorLine("build.ps1 -Task ${Task}: $($_.Exception.Message)")
    if ($VerbosePreference -ne 'SilentlyContinue') { $host.UI.WriteErrorLine($_.ScriptStackTrace) }
    $exitCode = 1
}
finally {
    Pop-Location
}
exit $exitCode
