<#
.SYNOPSIS
    Writes the nuspec of the PowerShell Gallery package from the staged module's manifest.

.DESCRIPTION
    The metadata comes from the manifest; the tags are the ones PowerShellGet and PSResourceGet give a module
    (PSModule, PSEdition_*, PSIncludes_Cmdlet, PSCmdlet_*, PSCommand_*). Its <files> take the whole staged module
    folder; dotnet pack of tools/Package/CaseOps.Package.csproj turns it into the package. Called by
    build.ps1 -Task Package.

.OUTPUTS
    The package version: ModuleVersion, plus "-<Prerelease>" when PSData has one.
#>
[CmdletBinding()]
[OutputType([string])]
param(
    # The staged module folder (holds CaseOps.psd1).
    [Parameter(Mandatory)][string] $ModuleDir,

    # Where to write the nuspec.
    [Parameter(Mandatory)][string] $Path
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function ConvertTo-XmlText([string] $Text) { [System.Security.SecurityElement]::Escape($Text) }

$manifestPath = Join-Path $ModuleDir 'CaseOps.psd1'
$null = Test-ModuleManifest -Path $manifestPath
$manifest = Import-PowerShellDataFile -Path $manifestPath
$psData = if ($manifest.ContainsKey('PrivateData') -and $manifest.PrivateData.ContainsKey('PSData')) { $manifest.PrivateData.PSData } else { @{} }
$version = $manifest.ModuleVersion
if ($psData['Prerelease']) { $version = "$version-$($psData.Prerelease)" }

$commands = @($manifest['CmdletsToExport']) + @($manifest['FunctionsToExport']) | Where-Object { $_ -and $_ -ne '*' }
$tags = [System.Collections.Generic.List[string]]::new()
$tags.Add('PSModule')
foreach ($tag in @($psData['Tags'])) { if ($tag -and -not $tags.Contains($tag)) { $tags.Add($tag) } }
foreach ($edition in @($manifest['CompatiblePSEditions'])) { if ($edition -and -not $tags.Contains("PSEdition_$edition")) { $tags.Add("PSEdition_$edition") } }
if (@($manifest['CmdletsToExport']).Where({ $_ }).Count -gt 0) { $tags.Add('PSIncludes_Cmdlet') }
foreach ($cmdlet in @($manifest['CmdletsToExport'])) { if ($cmdlet) { $tags.Add("PSCmdlet_$cmdlet") } }
foreach ($command in $commands) { $tags.Add("PSCommand_$command") }

$optional = [System.Text.StringBuilder]::new()
$elements = [ordered]@{
    projectUrl   = $psData['ProjectUri']
    iconUrl      = $psData['IconUri']
    releaseNotes = $psData['ReleaseNotes']
    copyright    = $manifest['Copyright']
}
foreach ($element in $elements.GetEnumerator()) {
    if ($element.Value) { $null = $optional.AppendLine("    <$($element.Key)>$(ConvertTo-XmlText ($element.Value -join [Environment]::NewLine))</$($element.Key)>") }
}
$requireLicense = if ($psData['RequireLicenseAcceptance']) { 'true' } else { 'false' }
$owner = if ($manifest['CompanyName']) { $manifest.CompanyName } else { $manifest.Author }
Set-Content -Path $Path -Encoding utf8 -Value @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>CaseOps</id>
    <version>$(ConvertTo-XmlText $version)</version>
    <authors>$(ConvertTo-XmlText $manifest.Author)</authors>
    <owners>$(ConvertTo-XmlText $owner)</owners>
    <requireLicenseAcceptance>$requireLicense</requireLicenseAcceptance>
    <license type="file">LICENSE</license>
    <description>$(ConvertTo-XmlText $manifest.Description)</description>
$($optional.ToString())    <tags>$(ConvertTo-XmlText ($tags -join ' '))</tags>
  </metadata>
  <files>
    <file src="$(ConvertTo-XmlText (Join-Path $ModuleDir '**'))" target="" />
  </files>
</package>
"@
$version
