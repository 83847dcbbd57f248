<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates CaseOps.

.DESCRIPTION
    Build    dotnet build CaseOps.slnx; stages the importable module in artifacts/module/CaseOps/.
    Test     Build, then the xunit suite (dotnet test, TRX) and the Pester suite (tests/*.Tests.ps1, NUnit XML),
             both into artifacts/test-results/, with counts in artifacts/test-results/summary.json.
    Docs     tools/Build-Docs.ps1: docs/*.md to MAML help in module/en-US/ (PlatyPS 1.x).
    Package  Release build, then artifacts/package/CaseOps.<version>.nupkg (PowerShell Gallery, made by dotnet pack
             from a nuspec written from the manifest) and artifacts/package/CaseOps.zip (Azure Automation).
    Demo     Build, start the emulator, run tools/Demo.ps1 against it, stop the emulator.

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'CaseOps.slnx'
$ArtifactsDir = Join-Path $RepoRoot 'artifacts'
$TestResultsDir = Join-Path $ArtifactsDir 'test-results'
$PackageDir = Join-Path $ArtifactsDir 'package'
$StagedModuleDir = Join-Path $ArtifactsDir 'module/CaseOps'

# Versions installed when a module is missing and the PowerShell Gallery can be reached.
$PinnedModules = @{
    'Pester'                        = [version] '5.9.0'
    'Microsoft.PowerShell.PlatyPS' = [version] '1.0.3'
}

function Write-Step([string] $Text) {
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Invoke-Dotnet {
    param([Parameter(Mandatory)][string[]] $ArgumentList)
    Write-Host "dotnet $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & dotnet @ArgumentList | Out-Host
    return $LASTEXITCODE
}

function Invoke-Build([string] $BuildConfiguration) {
    Write-Step "Build ($BuildConfiguration)"
    $exitCode = Invoke-Dotnet @('build', $Solution, '-c', $BuildConfiguration)
    if ($exitCode -ne 0) { throw "dotnet build failed (exit code $exitCode)." }
    $manifest = Join-Path $StagedModuleDir 'CaseOps.psd1'
    if (-not (Test-Path $manifest)) { throw "The build did not stage the module: $manifest is missing." }
}

#region Required PowerShell modules

function Test-GalleryReachable {
    try {
        $null = Invoke-WebRequest -Uri 'https://www.powershellgallery.com/api/v2/' -TimeoutSec 10 -UseBasicParsing
        return $true
    }
    catch {
        Write-Verbose "The PowerShell Gallery cannot be reached: $_"
        return $false
    }
}

function Find-RequiredModule([string] $Name, [int] $Major) {
    Get-Module -ListAvailable -Name $Name |
        Where-Object { $_.Version.Major -eq $Major } |
        Sort-Object Version -Descending |
        Select-Object -First 1
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
    if (-not (Test-GalleryReachable)) {
        throw "Missing: $what ($have), and the PowerShell Gallery cannot be reached to install it. " +
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
    else {
        throw "Missing: $what ($have); neither Install-PSResource nor Install-Module is available to install it."
    }
    $found = Find-RequiredModule $Name $pinned.Major
    if (-not $found) { throw "Missing: $what; installing it reported no error, but it still cannot be found." }
    return $found
}

#endregion

#region Test results

# One suite's outcome; Problem says why a suite did not run or failed without a failed test.
function New-SuiteResult([string] $Name) {
    [ordered]@{ name = $Name; ran = $false; exitCode = $null; passed = 0; failed = 0; skipped = 0; resultFiles = @(); problem = $null }
}

function Read-XmlFile([string] $Path) {
    $document = [System.Xml.XmlDocument]::new()
    $document.Load($Path)
    return $document
}

# Counts the UnitTestResult outcomes of VSTest TRX files.
function Measure-TrxResult([string[]] $Path, $Suite) {
    foreach ($file in $Path) {
        $Suite.resultFiles += [System.IO.Path]::GetRelativePath($RepoRoot, $file)
        foreach ($result in (Read-XmlFile $file).SelectNodes("//*[local-name()='UnitTestResult']")) {
            switch ($result.GetAttribute('outcome')) {
                'Passed' { $Suite.passed++ }
                { $_ -in 'Failed', 'Error', 'Timeout', 'Aborted' } { $Suite.failed++ }
                default { $Suite.skipped++ }   # NotExecuted, Inconclusive, ...
            }
        }
    }
}

# Counts the test cases of a Pester NUnit 2.5 result file.
function Measure-NUnitResult([string] $Path, $Suite) {
    $Suite.resultFiles += [System.IO.Path]::GetRelativePath($RepoRoot, $Path)
    foreach ($case in (Read-XmlFile $Path).SelectNodes('//test-case')) {
        switch ($case.GetAttribute('result')) {
            'Success' { $Suite.passed++ }
            { $_ -in 'Failure', 'Error' } { $Suite.failed++ }
            default { $Suite.skipped++ }   # Ignored, Skipped, Inconclusive, NotRunnable
        }
    }
}

# Records why a suite did not run or failed outside its tests. With no failed test counted, that counts as
# one failure, so the totals never say "0 failed" for a run that failed.
function Complete-SuiteResult($Suite, [string] $Problem) {
    if (-not $Problem -and $Suite.ran -and $Suite.exitCode -ne 0 -and $Suite.failed -eq 0) {
        $Problem = "$($Suite.name) reported failure (exit code $($Suite.exitCode)) but no failed test"
    }
    if (-not $Problem -and -not $Suite.ran) { $Problem = "$($Suite.name) did not run" }
    if ($Problem) {
        $Suite.problem = $Problem
        if ($Suite.failed -eq 0) { $Suite.failed = 1 }
        Write-Warning $Problem
    }
}

function Invoke-XunitSuite {
    $suite = New-SuiteResult 'xunit'
    Write-Step "xunit (dotnet test, $Configuration)"
    try {
        # The tests host their own PowerShell; this pwsh's module path (its own version's modules) must not leak into it.
        $modulePath = $env:PSModulePath
        try {
            Remove-Item Env:PSModulePath -ErrorAction SilentlyContinue
            $suite.exitCode = Invoke-Dotnet @('test', $Solution, '-c', $Configuration, '--no-build',
                '--results-directory', $TestResultsDir, '--logger', 'trx;LogFilePrefix=xunit')
        }
        finally { $env:PSModulePath = $modulePath }
        $trx = @(Get-ChildItem -Path $TestResultsDir -Filter '*.trx' -File | ForEach-Object FullName)
        if ($trx.Count -eq 0) {
            Complete-SuiteResult $suite "xunit wrote no TRX file (dotnet test exit code $($suite.exitCode))"
            return $suite
        }
        $suite.ran = $true
        Measure-TrxResult $trx $suite
        Complete-SuiteResult $suite $null
    }
    catch {
        Complete-SuiteResult $suite "xunit could not be run or counted: $_"
    }
    return $suite
}

function Invoke-PesterSuite {
    $suite = New-SuiteResult 'pester'
    Write-Step 'Pester (tests/*.Tests.ps1)'
    try {
        $pester = Assert-RequiredModule 'Pester'
        $files = @(Get-ChildItem -Path (Join-Path $RepoRoot 'tests') -Filter '*.Tests.ps1' -File | ForEach-Object FullName)
        if ($files.Count -eq 0) {
            Complete-SuiteResult $suite 'Pester found no tests/*.Tests.ps1'
            return $suite
        }
        Import-Module $pester.Path -Force
        $resultFile = Join-Path $TestResultsDir 'pester.xml'
        $config = New-PesterConfiguration
        $config.Run.Path = $files
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        if ([Console]::IsOutputRedirected) { $config.Output.RenderMode = 'Plaintext' }   # CI logs: no colour codes
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = $resultFile
        # The tests start the emulator of the configuration just built (tools/Start-Sandbox.ps1 reads this).
        $env:CASEOPS_CONFIGURATION = $Configuration
        try { $run = Invoke-Pester -Configuration $config }
        finally { Remove-Item Env:CASEOPS_CONFIGURATION -ErrorAction SilentlyContinue }
        if (-not (Test-Path $resultFile)) {
            Complete-SuiteResult $suite 'Pester wrote no result file'
            return $suite
        }
        $suite.ran = $true
        $suite.exitCode = if ($run.Result -eq 'Passed') { 0 } else { 1 }
        Measure-NUnitResult $resultFile $suite
        $problem = $null
        if ($run.FailedContainersCount -gt 0 -or $run.FailedBlocksCount -gt 0) {
            $problem = "Pester: $($run.FailedContainersCount) test file(s) and $($run.FailedBlocksCount) block(s) failed outside a test"
        }
        Complete-SuiteResult $suite $problem
    }
    catch {
        Complete-SuiteResult $suite "Pester could not be run or counted: $_"
    }
    return $suite
}

function Write-TestSummary([System.Collections.IDictionary[]] $Suites) {
    $total = [ordered]@{
        passed  = [int]($Suites | ForEach-Object { $_.passed } | Measure-Object -Sum).Sum
        failed  = [int]($Suites | ForEach-Object { $_.failed } | Measure-Object -Sum).Sum
        skipped = [int]($Suites | ForEach-Object { $_.skipped } | Measure-Object -Sum).Sum
    }
    $summary = [ordered]@{ configuration = $Configuration; suites = [ordered]@{}; total = $total }
    foreach ($suite in $Suites) { $summary.suites[$suite.name] = $suite }
    $null = New-Item -ItemType Directory -Path $TestResultsDir -Force
    $summary | ConvertTo-Json -Depth 5 | Set-Content -Path (Join-Path $TestResultsDir 'summary.json') -Encoding utf8
    foreach ($suite in $Suites) {
        Write-Host ("{0,-7} {1} passed, {2} failed, {3} skipped{4}" -f $suite.name, $suite.passed, $suite.failed, $suite.skipped,
            $(if ($suite.problem) { " ($($suite.problem))" } else { '' }))
    }
    Write-Host "Tests: $($total.passed) passed, $($total.failed) failed, $($total.skipped) skipped"
    return $total.failed -eq 0
}

function Invoke-TestTask {
    if (Test-Path $TestResultsDir) { Remove-Item -Path $TestResultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $TestResultsDir -Force
    try {
        Invoke-Build $Configuration
    }
    catch {
        $suites = foreach ($name in 'xunit', 'pester') {
            $suite = New-SuiteResult $name
            Complete-SuiteResult $suite "$name did not run: the build failed"
            $suite
        }
        $null = Write-TestSummary $suites
        throw
    }
    $suites = @((Invoke-XunitSuite), (Invoke-PesterSuite))
    if (-not (Write-TestSummary $suites)) { throw 'Tests failed.' }
}

#endregion

#region Package

function ConvertTo-XmlText([string] $Text) { [System.Security.SecurityElement]::Escape($Text) }

# The nuspec of the Gallery package, from the manifest's metadata, with the tags PowerShellGet and
# PSResourceGet give a module (PSModule, PSEdition_*, PSCmdlet_*, PSCommand_*). Its <files> take the whole
# staged module folder; dotnet pack (tools/Package) turns it into the package.
function New-Nuspec([hashtable] $Manifest, [string] $Version, [string] $ModuleDir) {
    $psData = if ($Manifest.ContainsKey('PrivateData') -and $Manifest.PrivateData.ContainsKey('PSData')) { $Manifest.PrivateData.PSData } else { @{} }
    $commands = @($Manifest['CmdletsToExport']) + @($Manifest['FunctionsToExport']) | Where-Object { $_ -and $_ -ne '*' }
    $tags = [System.Collections.Generic.List[string]]::new()
    $tags.Add('PSModule')
    foreach ($tag in @($psData['Tags'])) { if ($tag -and -not $tags.Contains($tag)) { $tags.Add($tag) } }
    foreach ($edition in @($Manifest['CompatiblePSEditions'])) { if ($edition -and -not $tags.Contains("PSEdition_$edition")) { $tags.Add("PSEdition_$edition") } }
    if (@($Manifest['CmdletsToExport']).Where({ $_ }).Count -gt 0) { $tags.Add('PSIncludes_Cmdlet') }
    foreach ($cmdlet in @($Manifest['CmdletsToExport'])) { if ($cmdlet) { $tags.Add("PSCmdlet_$cmdlet") } }
    foreach ($command in $commands) { $tags.Add("PSCommand_$command") }

    $optional = [System.Text.StringBuilder]::new()
    $elements = [ordered]@{
        projectUrl   = $psData['ProjectUri']
        iconUrl      = $psData['IconUri']
        releaseNotes = $psData['ReleaseNotes']
        copyright    = $Manifest['Copyright']
    }
    foreach ($element in $elements.GetEnumerator()) {
        if ($element.Value) { $null = $optional.AppendLine("    <$($element.Key)>$(ConvertTo-XmlText ($element.Value -join [Environment]::NewLine))</$($element.Key)>") }
    }
    $requireLicense = if ($psData['RequireLicenseAcceptance']) { 'true' } else { 'false' }
    $owner = if ($Manifest['CompanyName']) { $Manifest.CompanyName } else { $Manifest.Author }
    @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>CaseOps</id>
    <version>$(ConvertTo-XmlText $Version)</version>
    <authors>$(ConvertTo-XmlText $Manifest.Author)</authors>
    <owners>$(ConvertTo-XmlText $owner)</owners>
    <requireLicenseAcceptance>$requireLicense</requireLicenseAcceptance>
    <license type="file">LICENSE</license>
    <description>$(ConvertTo-XmlText $Manifest.Description)</description>
$($optional.ToString())    <tags>$(ConvertTo-XmlText ($tags -join ' '))</tags>
  </metadata>
  <files>
    <file src="$(ConvertTo-XmlText (Join-Path $ModuleDir '**'))" target="" />
  </files>
</package>
"@
}

function Invoke-PackageTask {
    if ($Configuration -ne 'Release') { Write-Warning "Package always builds Release (ignoring -Configuration $Configuration)." }
    Invoke-Build 'Release'

    # Stage the module afresh for the package, so files left in artifacts/module by older builds stay out.
    $packageStage = Join-Path $PackageDir 'stage/CaseOps'
    if (Test-Path $PackageDir) { Remove-Item -Path $PackageDir -Recurse -Force }
    Write-Step 'Stage the module for packaging'
    $exitCode = Invoke-Dotnet @('build', (Join-Path $RepoRoot 'src/CaseOps/CaseOps.csproj'), '-c', 'Release', '--no-restore',
        "-p:ModuleStagingDir=$packageStage$([System.IO.Path]::DirectorySeparatorChar)")
    if ($exitCode -ne 0) { throw "Staging the module for the package failed (exit code $exitCode)." }
    $manifestPath = Join-Path $packageStage 'CaseOps.psd1'
    if (-not (Test-Path $manifestPath)) { throw "The module was not staged into $packageStage." }

    $null = Test-ModuleManifest -Path $manifestPath
    $manifest = Import-PowerShellDataFile -Path $manifestPath
    $version = $manifest.ModuleVersion
    $psData = if ($manifest.ContainsKey('PrivateData') -and $manifest.PrivateData.ContainsKey('PSData')) { $manifest.PrivateData.PSData } else { @{} }
    if ($psData['Prerelease']) { $version = "$version-$($psData.Prerelease)" }

    $nupkg = Join-Path $PackageDir "CaseOps.$version.nupkg"
    $automationZip = Join-Path $PackageDir 'CaseOps.zip'
    Write-Step "Package CaseOps $version"
    $nuspec = Join-Path $PackageDir 'stage/CaseOps.nuspec'
    Set-Content -Path $nuspec -Value (New-Nuspec $manifest $version $packageStage) -Encoding utf8
    $exitCode = Invoke-Dotnet @('pack', (Join-Path $RepoRoot 'tools/Package/CaseOps.Package.csproj'), '--nologo',
        "-p:NuspecFile=$nuspec", "-p:NuspecBasePath=$packageStage", '-o', $PackageDir)
    if ($exitCode -ne 0) { throw "dotnet pack failed (exit code $exitCode)." }
    if (-not (Test-Path $nupkg)) { throw "dotnet pack did not write $nupkg." }
    # Azure Automation imports a zip whose top folder is the module: CaseOps/CaseOps.psd1, CaseOps/Dependencies/...
    [System.IO.Compression.ZipFile]::CreateFromDirectory($packageStage, $automationZip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Remove-Item -Path (Split-Path $packageStage) -Recurse -Force
    Get-Item $nupkg, $automationZip | ForEach-Object { Write-Host ("{0} ({1:N0} bytes)" -f [System.IO.Path]::GetRelativePath($RepoRoot, $_.FullName), $_.Length) }
}

#endregion

function Invoke-DocsTask {
    $script = Join-Path $RepoRoot 'tools/Build-Docs.ps1'
    if (-not (Test-Path $script)) { throw "tools/Build-Docs.ps1 does not exist yet, so there is nothing to turn docs/*.md into help." }
    $platyPS = Assert-RequiredModule 'Microsoft.PowerShell.PlatyPS'
    Import-Module $platyPS.Path -Force
    Write-Step 'Docs (tools/Build-Docs.ps1)'
    $global:LASTEXITCODE = 0
    & $script
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

try {
    Push-Location $RepoRoot
    switch ($Task) {
        'Build' { Invoke-Build $Configuration }
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Demo' { Invoke-DemoTask }
    }
}
catch {
    $host.UI.WriteErrorLine("build.ps1 -Task ${Task}: $($_.Exception.Message)")
    if ($VerbosePreference -ne 'SilentlyContinue') { $host.UI.WriteErrorLine($_.ScriptStackTrace) }
    exit 1
}
finally {
    Pop-Location
}
exit 0
