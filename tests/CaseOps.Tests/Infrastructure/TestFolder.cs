namespace CaseOps.Tests.Infrastructure;

/// <summary>A folder of one test class's own under the temp path, deleted with the class.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"caseops-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
