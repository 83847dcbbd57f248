using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CaseOps.Http;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>
/// PowerShell stops at the cmdlet layer (docs/architecture.md, "Layers"): the output types and the
/// engine do not reference System.Management.Automation, neither as built nor as staged in the module.
/// </summary>
public sealed class LayerReferenceTests
{
    private const string PowerShellAssembly = "System.Management.Automation";

    public static TheoryData<string> BelowTheCmdlets() => new() { "CaseOps.Models", "CaseOps.Engine" };

    [Theory]
    [MemberData(nameof(BelowTheCmdlets))]
    public void The_built_assembly_does_not_reference_PowerShell(string name)
    {
        var assembly = name == "CaseOps.Models" ? typeof(Ticket).Assembly : typeof(ApiClient).Assembly;

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Equal(name, assembly.GetName().Name);
        Assert.Contains("Newtonsoft.Json", references);   // the list is real, not empty
        Assert.DoesNotContain(PowerShellAssembly, references);
    }

    [Theory]
    [MemberData(nameof(BelowTheCmdlets))]
    public void The_staged_assembly_does_not_reference_PowerShell(string name)
    {
        var path = name == "CaseOps.Models"
            ? Path.Combine(RepoPaths.StagedModuleDirectory, name + ".dll")
            : Path.Combine(RepoPaths.StagedModuleDirectory, "Dependencies", name + ".dll");

        var references = StagedReferences(path);

        Assert.Contains("Newtonsoft.Json", references);
        Assert.DoesNotContain(PowerShellAssembly, references);
    }

    [Fact]
    public void The_cmdlet_assembly_does_reference_PowerShell()
    {
        // The check above can fail: the one layer that may use PowerShell does.
        var references = StagedReferences(Path.Combine(RepoPaths.StagedModuleDirectory, "CaseOps.dll"));

        Assert.Contains(PowerShellAssembly, references);
    }

    // Read from metadata, without loading: the staged files may differ from the ones this host loaded.
    private static List<string> StagedReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }
}
