using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using CaseOps.LoadContext;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>
/// The PowerShell 7 load context over the staged module's Dependencies folder (docs/architecture.md,
/// "Assemblies and load contexts"). The test host carries CaseOps' dependencies itself, so the platform
/// here is made to look like pwsh's: the .NET runtime folder plus Newtonsoft.Json, nothing else.
/// </summary>
public sealed class LoadContextTests
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(RepoPaths.StagedManifest)!;
    private static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "Dependencies");

    private static PlatformAssemblies PowerShellLikePlatform() => new(
        Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));

    private static EngineLoadContext NewContext() => new(ModuleDirectory, DependencyDirectory, PowerShellLikePlatform());

    [Fact]
    public void Engine_and_RestSharp_load_into_the_private_context_from_the_Dependencies_folder()
    {
        var context = NewContext();

        var engine = context.LoadFromAssemblyName(new AssemblyName("CaseOps.Engine"));
        var restSharp = context.LoadFromAssemblyName(new AssemblyName("RestSharp, Version=112.1.0.0"));
        var polly = context.LoadFromAssemblyName(new AssemblyName("Polly.Core"));

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(engine));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(restSharp));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(polly));
        Assert.Equal(Path.Combine(DependencyDirectory, "RestSharp.dll"), restSharp.Location);
        Assert.Equal(new Version(112, 1, 0, 0), restSharp.GetName().Version);
    }

    [Fact]
    public void What_the_platform_provides_and_the_models_come_from_the_default_context()
    {
        var context = NewContext();

        var json = context.LoadFromAssemblyName(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"));
        var models = context.LoadFromAssemblyName(new AssemblyName("CaseOps.Models"));
        var runtime = context.LoadFromAssemblyName(new AssemblyName("System.Runtime"));

        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(models));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(runtime));
    }

    [Fact]
    public void A_version_newer_than_the_shipped_file_is_not_answered_from_the_Dependencies_folder()
    {
        var context = NewContext();

        // RestSharp 200 is newer than the shipped 112: the context refuses its file. What the runtime then
        // finds in the default context is the host's business (this test host happens to carry RestSharp).
        Assembly? found = null;
        try { found = context.LoadFromAssemblyName(new AssemblyName("RestSharp, Version=200.0.0.0")); }
        catch (FileNotFoundException) { }
        catch (FileLoadException) { }
        Assert.NotSame(context, found == null ? null : AssemblyLoadContext.GetLoadContext(found));
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "RestSharp");

        Assert.Throws<FileNotFoundException>(() => context.LoadFromAssemblyName(new AssemblyName("NotShipped.Anywhere")));
    }

    [Fact]
    public void Concurrent_requests_for_one_dependency_load_it_once()
    {
        var context = NewContext();
        using var start = new Barrier(16);

        var loaded = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(16).Select(_ =>
        {
            start.SignalAndWait();
            return context.LoadFromAssemblyName(new AssemblyName("Polly.Core"));
        }).ToList();

        Assert.Single(loaded.Distinct());
        Assert.Single(context.Assemblies, a => a.GetName().Name == "Polly.Core");
    }

    [Theory]
    [InlineData("System.Runtime", "4.0.0.0", true)]
    [InlineData("System.Runtime", "999.0.0.0", false)]
    [InlineData("RestSharp", "112.1.0.0", false)]
    [InlineData("Newtonsoft.Json", "13.0.0.0", true)]
    [InlineData("Newtonsoft.Json", "14.0.0.0", false)]
    public void The_platform_provides_a_name_only_at_the_version_asked_for_or_newer(string name, string version, bool provided)
    {
        Assert.Equal(provided, PowerShellLikePlatform().Provides(new AssemblyName($"{name}, Version={version}")));
    }
}
