namespace CaseOps.Tests.Infrastructure;

/// <summary>Locations in the repository, found from the test binaries upwards.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The module that <c>dotnet build</c> stages; the tests import exactly what users get.</summary>
    public static string StagedModuleDirectory => Path.Combine(Root, "artifacts", "module", "CaseOps");

    public static string StagedManifest => Path.Combine(StagedModuleDirectory, "CaseOps.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseOps.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("CaseOps.slnx not found above " + AppContext.BaseDirectory);
    }
}
