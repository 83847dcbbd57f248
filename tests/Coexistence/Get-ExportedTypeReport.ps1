<#
    Loads CaseOps.dll with Assembly.LoadFrom in a fresh pwsh, WITHOUT importing the module (so no resolver
    is registered and CaseOps.Engine, in Dependencies/, cannot be found), and calls GetExportedTypes(), as
    PowerShell does before it runs the module initializer (src/CaseOps/LoadContext/ModuleInitializer.cs).
    Prints one line "EXPORTED-TYPES <json>": the exported type names, and when GetExportedTypes() fails, every
    public type (read from the metadata, not by reflection) that cannot be loaded on its own, with the reason.
    Exit code 0 when the report was written (whatever it says), 1 when the script itself failed.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $AssemblyPath)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
trap {
    [Console]::Error.WriteLine("EXPORTED-TYPES-ERROR $($_.Exception.GetType().FullName): $($_.Exception.Message)`n$($_.ScriptStackTrace)")
    exit 1
}

# Public type names (nested ones as Outer+Inner) from the metadata: this cannot fail on a missing dependency.
function Get-PublicTypeName([string] $Path) {
    $stream = [System.IO.File]::OpenRead($Path)
    try {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $reader.TypeDefinitions) {
            $definition = $reader.GetTypeDefinition($handle)
            $visibility = $definition.Attributes -band [System.Reflection.TypeAttributes]::VisibilityMask
            $name = $reader.GetString($definition.Name)
            if ($visibility -eq [System.Reflection.TypeAttributes]::Public) {
                $namespace = $reader.GetString($definition.Namespace)
                if ($namespace) { "$namespace.$name" } else { $name }
            }
            elseif ($visibility -eq [System.Reflection.TypeAttributes]::NestedPublic) {
                # Only when every enclosing type is public too.
                $parts = @($name)
                $current = $definition
                $public = $true
                while (-not $current.GetDeclaringType().IsNil) {
                    $current = $reader.GetTypeDefinition($current.GetDeclaringType())
                    $outer = $current.Attributes -band [System.Reflection.TypeAttributes]::VisibilityMask
                    if ($outer -ne [System.Reflection.TypeAttributes]::Public -and $outer -ne [System.Reflection.TypeAttributes]::NestedPublic) { $public = $false; break }
                    $parts = @($reader.GetString($current.Name)) + $parts
                    $namespace = $reader.GetString($current.Namespace)
                }
                if ($public) { $(if ($namespace) { "$namespace." }) + ($parts -join '+') }
            }
        }
    }
    finally { $stream.Dispose() }
}

$assembly = [System.Reflection.Assembly]::LoadFrom($AssemblyPath)
$exported = @()
$failure = $null
$failedTypes = @()
try {
    $exported = @($assembly.GetExportedTypes() | ForEach-Object FullName | Sort-Object)
}
catch {
    $failure = $_.Exception.GetBaseException().Message.Trim()
    $failedTypes = @(foreach ($name in Get-PublicTypeName $AssemblyPath) {
        try { $null = $assembly.GetType($name, $true, $false) }
        catch { "$name ($($_.Exception.GetBaseException().Message.Trim()))" }
    })
}

$report = [ordered]@{
    Exported       = $exported
    Failure        = $failure
    FailedTypes    = $failedTypes
    ModuleImported = [bool](Get-Module CaseOps)
    EngineLoaded   = [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CaseOps.Engine' })
}
[Console]::Out.WriteLine('EXPORTED-TYPES ' + ($report | ConvertTo-Json -Depth 3 -Compress))
exit 0
