<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates CaseOps.

.DESCRIPTION
    Build    dotnet build CaseOps.slnx; stages the importable module in artifacts/module/CaseOps/.
    Test     Build, then the xunit suite (dotnet test, TRX) and the Pester suite (tests/*.Tests.ps1, NUnit XML),
             both into artifacts/test-results/, with counts in artifacts/test-results/summary.json.
    Docs     tools/Build-Docs.ps1: docs/*.md to MAML help in module/en-US/ (PlatyPS 1.x).
    Package  Release build, then artifacts/package/CaseOps.<version>.nupkg (PowerShell Gallery) and
             artifacts/package/CaseOps.zip (Azure Automation).
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

# The nuspec PowerShellGet's Publish-Module writes for a module, from the manifest's metadata.
function New-Nuspec([hashtable] $Manifest, [string] $Version) {
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
        licenseUrl   = $psData['LicenseUri']
        projectUrl   = $psData['ProjectUri']
        iconUrl      = $psData['IconUri']
        releaseNotes = $psData['ReleaseNotes']
        copyright    = $Manifest['Copyright']
    }
    foreach ($element in $elements.GetEnumerator()) {
        if ($element.Value) { $null = $optional.AppendLine("    <$($element.Key)>$(ConvertTo-XmlText ($element.Value -join [Environment]::NewLine))</$($element.Key)>") }
    }
    $dependencies = foreach ($required in @($Manifest['RequiredModules'])) {
        if (-not $required) { continue }
        if ($required -is [hashtable]) {
            $range = if ($required['RequiredVersion']) { "[$($required.RequiredVersion)]" }
                elseif ($required['ModuleVersion']) { $required.ModuleVersion } else { '' }
            "      <dependency id=`"$(ConvertTo-XmlText $required.ModuleName)`" version=`"$range`" />"
        }
        else { "      <dependency id=`"$(ConvertTo-XmlText $required)`" />" }
    }
    $dependencyXml = if ($dependencies) { "    <dependencies>`n$($dependencies -join "`n")`n    </dependencies>`n" } else { '' }
    $requireLicense = if ($psData['RequireLicenseAcceptance']) { 'true' } else { 'false' }
    $owner = if ($Manifest['CompanyName']) { $Manifest.CompanyName } else { $Manifest.Author }
    @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>CaseOps</id>
    <version>$(ConvertTo-XmlText $Version)</version>
    <authors>$(ConvertTo-XmlText $Manifest.Author)</authors>
    <owners>$(ConvertTo-XmlText $owner)</owners>
    <requireLicenseAcceptance>$requireLicense</requireLicenseAcceptance>
    <description>$(ConvertTo-XmlText $Manifest.Description)</description>
$($optional.ToString())    <tags>$(ConvertTo-XmlText ($tags -join ' '))</tags>
$dependencyXml  </metadata>
</package>
"@
}

function Add-ZipText([System.IO.Compression.ZipArchive] $Zip, [string] $EntryName, [string] $Text) {
    $entry = $Zip.CreateEntry($EntryName, [System.IO.Compression.CompressionLevel]::Optimal)
    $writer = [System.IO.StreamWriter]::new($entry.Open(), [System.Text.UTF8Encoding]::new($false))
    try { $writer.Write($Text) } finally { $writer.Dispose() }
}

# A NuGet package as nuget.exe/PowerShellGet lay it out: nuspec and module files at the root, plus the OPC parts.
function New-ModuleNupkg([string] $ModuleDir, [hashtable] $Manifest, [string] $Version, [string] $Destination) {
    $files = Get-ChildItem -Path $ModuleDir -Recurse -File
    $zip = [System.IO.Compression.ZipFile]::Open($Destination, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        Add-ZipText $zip 'CaseOps.nuspec' (New-Nuspec $Manifest $Version)
        $extensions = [System.Collections.Generic.SortedSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        foreach ($file in $files) {
            $relative = [System.IO.Path]::GetRelativePath($ModuleDir, $file.FullName).Replace('\', '/')
            $entryName = ($relative.Split('/') | ForEach-Object { [Uri]::EscapeDataString($_) }) -join '/'
            $null = [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $entryName, [System.IO.Compression.CompressionLevel]::Optimal)
            if ($file.Extension) { $null = $extensions.Add($file.Extension.TrimStart('.')) }
        }
        $coreId = [guid]::NewGuid().ToString('N')
        $defaults = ($extensions | Where-Object { $_ -notin 'rels', 'psmdcp', 'nuspec' } |
            ForEach-Object { "  <Default Extension=`"$(ConvertTo-XmlText $_)`" ContentType=`"application/octet`" />" }) -join "`n"
        Add-ZipText $zip '[Content_Types].xml' @"
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />
$defaults
</Types>
"@
        Add-ZipText $zip '_rels/.rels' @"
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/CaseOps.nuspec" Id="R$([guid]::NewGuid().ToString('N').Substring(0, 16))" />
  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/package/services/metadata/core-properties/$coreId.psmdcp" Id="R$([guid]::NewGuid().ToString('N').Substring(0, 16))" />
</Relationships>
"@
        Add-ZipText $zip "package/services/metadata/core-properties/$coreId.psmdcp" @"
<?xml version="1.0" encoding="utf-8"?>
<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">
  <dc:creator>$(ConvertTo-XmlText $Manifest.Author)</dc:creator>
  <dc:description>$(ConvertTo-XmlText $Manifest.Description)</dc:description>
  <dc:identifier>CaseOps</dc:identifier>
  <version>$(ConvertTo-XmlText $Version)</version>
  <keywords>PSModule</keywords>
  <lastModifiedBy>build.ps1</lastModifiedBy>
</coreProperties>
"@
    }
    finally { $zip.Dispose() }
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
    New-ModuleNupkg $packageStage $manifest $version $nupkg
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
