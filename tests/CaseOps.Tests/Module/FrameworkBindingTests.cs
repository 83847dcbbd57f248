using System.Reflection;
using System.Text.RegularExpressions;
using CaseOps.Tests.Infrastructure;
using CaseOps.Tests.Module.Binding;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>
/// The Windows PowerShell 5.1 binding check (docs/compatibility.md): nothing here runs 5.1, so every
/// assembly reference of every DLL the staged module ships is shown, from metadata, to bind on .NET
/// Framework 4.7.2 (by PowerShell 5.1, by the framework, or by the module's resolver), and the table
/// of how is kept in docs/compatibility.md.
/// </summary>
public sealed class FrameworkBindingTests
{
    private const string TableStart = "<!-- binding-table:start -->";
    private const string TableEnd = "<!-- binding-table:end -->";

    /// <summary>
    /// CaseOps.dll compiles against System.Runtime.Loader for AssemblyLoadContext, which .NET Framework
    /// lacks. Those types are used only by the PowerShell 7 load context, entered only through
    /// ModuleInitializer.RegisterForNetCore, which OnImport calls only off .NET Framework
    /// (src/CaseOps/LoadContext/ModuleInitializer.cs). The scanner proves the confinement from metadata.
    /// </summary>
    private static readonly PowerShell7OnlyReference[] PowerShell7Only =
    {
        new("CaseOps.dll", "System.Runtime.Loader",
            new[] { "CaseOps.LoadContext.EngineLoadContext", "CaseOps.LoadContext.EngineResolver", "CaseOps.LoadContext.PlatformAssemblies" },
            "CaseOps.LoadContext.ModuleInitializer", "RegisterForNetCore",
            "used only by EngineLoadContext, EngineResolver and PlatformAssemblies (internal), reached only through ModuleInitializer.RegisterForNetCore (NoInlining), which OnImport skips on .NET Framework"),
    };

    private static readonly Lazy<FrameworkBindingCheck> Check = new(() =>
    {
        var check = new FrameworkBindingCheck(
            RepoPaths.StagedModuleDirectory,
            Path.Combine(RepoPaths.StagedModuleDirectory, "Dependencies"),
            FrameworkBindingCheck.ReadFramework(Net472ReferenceAssemblies),
            PowerShell7Only);
        check.Run();
        return check;
    });

    /// <summary>build/.NETFramework/v4.7.2 of the reference assembly package the test project restores.</summary>
    private static string Net472ReferenceAssemblies
    {
        get
        {
            var package = typeof(FrameworkBindingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Net472ReferenceAssemblies").Value;
            Assert.False(string.IsNullOrEmpty(package), "CaseOps.Tests.csproj did not hand over the Microsoft.NETFramework.ReferenceAssemblies.net472 folder");
            var directory = Path.Combine(package!, "build", ".NETFramework", "v4.7.2");
            Assert.True(File.Exists(Path.Combine(directory, "mscorlib.dll")), "no .NET Framework 4.7.2 reference assemblies in " + directory);
            return directory;
        }
    }

    [Fact]
    public void Every_reference_of_every_shipped_dll_binds_on_NET_Framework_472()
    {
        var check = Check.Value;

        Assert.True(check.Failures.Count == 0,
            "References that would not bind in Windows PowerShell 5.1:" + Environment.NewLine + string.Join(Environment.NewLine, check.Failures));
        // The check read what the module ships: the engine and its dependencies, not an empty folder.
        Assert.Contains(check.Rows, r => r.Requester == "CaseOps.dll" && r.Reference == "CaseOps.Engine" && r.How.StartsWith("resolver: Dependencies/", StringComparison.Ordinal));
        Assert.Contains(check.Rows, r => r.Requester == "Dependencies/RestSharp.dll");
    }

    [Fact]
    public void A_reference_nothing_provides_fails_the_check_with_what_was_found()
    {
        // A module folder with CaseOps.Models.dll alone: its Newtonsoft.Json is neither in the framework
        // nor shipped, and the check must say so, not pass.
        var module = Path.Combine(Path.GetTempPath(), "caseops-binding-" + Guid.NewGuid().ToString("N"));
        var dependencies = Path.Combine(module, "Dependencies");
        Directory.CreateDirectory(dependencies);
        try
        {
            File.Copy(Path.Combine(RepoPaths.StagedModuleDirectory, "CaseOps.Models.dll"), Path.Combine(module, "CaseOps.Models.dll"));
            var check = new FrameworkBindingCheck(module, dependencies, FrameworkBindingCheck.ReadFramework(Net472ReferenceAssemblies), PowerShell7Only);
            check.Run();

            var failure = Assert.Single(check.Failures);
            Assert.StartsWith("CaseOps.Models.dll references Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed; found: nothing", failure);
            Assert.Contains(check.Rows, r => r.Reference == "netstandard" && r.How == ".NET Framework 4.7.2");
        }
        finally
        {
            Directory.Delete(module, recursive: true);
        }
    }

    [Fact]
    public void The_framework_reference_set_is_the_one_of_NET_Framework_472()
    {
        var framework = FrameworkBindingCheck.ReadFramework(Net472ReferenceAssemblies);

        // Guards against reading the wrong folder: a check against an empty or other set would prove nothing.
        Assert.Equal(new Version(4, 0, 0, 0), framework["mscorlib"].Version);
        Assert.Equal(new Version(2, 0, 0, 0), framework["netstandard"].Version); // the netstandard facade, in the box since 4.7.1
        Assert.False(framework.ContainsKey("System.Runtime.Loader"));
        Assert.False(framework.ContainsKey("System.Memory"));
    }

    [Fact]
    public void System_Runtime_Loader_is_used_only_by_the_PowerShell_7_load_context()
    {
        var special = PowerShell7Only.Single();
        var scan = ConfinedReferenceScanner.Scan(Path.Combine(RepoPaths.StagedModuleDirectory, special.Requester), special.Reference,
            special.ConfinedTypes, special.EntryType, special.EntryMethod);

        Assert.True(scan.Violations.Count == 0, string.Join(Environment.NewLine, scan.Violations));
        Assert.Contains("System.Runtime.Loader.AssemblyLoadContext", scan.ReferencedTypes);
    }

    [Fact]
    public void The_scanner_notices_a_use_outside_the_confined_types()
    {
        // Confining the reference to one of the three types only must fail: the others use it too. This
        // keeps the proof above from passing because the scanner sees nothing.
        var special = PowerShell7Only.Single();
        var scan = ConfinedReferenceScanner.Scan(Path.Combine(RepoPaths.StagedModuleDirectory, special.Requester), special.Reference,
            new[] { "CaseOps.LoadContext.PlatformAssemblies" }, special.EntryType, special.EntryMethod);

        Assert.Contains(scan.Violations, v => v.Contains("EngineLoadContext derives from System.Runtime.Loader.AssemblyLoadContext", StringComparison.Ordinal));
        Assert.Contains(scan.Violations, v => v.Contains("CaseOps.LoadContext.EngineResolver", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_notices_a_call_into_the_confined_types_from_another_method()
    {
        // With RegisterForNetFramework named as the only way in, RegisterForNetCore's call is a violation.
        var special = PowerShell7Only.Single();
        var scan = ConfinedReferenceScanner.Scan(Path.Combine(RepoPaths.StagedModuleDirectory, special.Requester), special.Reference,
            special.ConfinedTypes, special.EntryType, "RegisterForNetFramework");

        Assert.Contains("CaseOps.LoadContext.ModuleInitializer.RegisterForNetCore uses CaseOps.LoadContext.EngineResolver::Register", scan.Violations);
    }

    [Fact]
    public void Docs_compatibility_table_is_the_one_the_check_computes()
    {
        var expected = FrameworkBindingCheck.Render(Check.Value.Rows);
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "compatibility.md")).Replace("\r\n", "\n");
        var match = Regex.Match(doc, Regex.Escape(TableStart) + "\n(.*?)" + Regex.Escape(TableEnd), RegexOptions.Singleline);

        Assert.True(match.Success, $"docs/compatibility.md has no table between {TableStart} and {TableEnd}");
        Assert.True(match.Groups[1].Value == expected,
            "docs/compatibility.md's binding table is stale; replace it with:" + Environment.NewLine + Environment.NewLine + expected);
    }
}
