using System.Reflection;
using CaseOps.LoadContext;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>
/// The rule the 5.1 resolver answers by (src/CaseOps/LoadContext/FrameworkDependencyResolver.cs and
/// ShippedAssemblyRule.cs), on a module folder of its own: the binding check in FrameworkBindingTests
/// relies on it refusing what it must refuse, not only on it answering.
/// </summary>
public sealed class FrameworkDependencyResolverTests : IDisposable
{
    private readonly string _module = Path.Combine(Path.GetTempPath(), "caseops-resolver-" + Guid.NewGuid().ToString("N"));
    private readonly string _dependencies;
    private readonly string _requester;
    private readonly AssemblyName _signed;

    public FrameworkDependencyResolverTests()
    {
        _dependencies = Path.Combine(_module, "Dependencies");
        Directory.CreateDirectory(_dependencies);
        // A strong-named file (Newtonsoft.Json) in Dependencies, and an unsigned one as the requester at the root.
        var signedSource = typeof(Newtonsoft.Json.JsonConvert).Assembly.Location;
        File.Copy(signedSource, Path.Combine(_dependencies, "Newtonsoft.Json.dll"));
        _signed = AssemblyName.GetAssemblyName(signedSource);
        _requester = Path.Combine(_module, "CaseOps.Models.dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "CaseOps.Models.dll"), _requester);
    }

    public void Dispose() => Directory.Delete(_module, recursive: true);

    private string Request(Version version, string? token = null) =>
        $"Newtonsoft.Json, Version={version}, Culture=neutral, PublicKeyToken={token ?? Token(_signed)}";

    private static string Token(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken()!).ToLowerInvariant();

    private string? Choose(string request, string? requester) =>
        FrameworkDependencyResolver.Choose(request, requester, _module, _dependencies);

    [Fact]
    public void Answers_the_shipped_version_from_Dependencies()
    {
        Assert.Equal(Path.Combine(_dependencies, "Newtonsoft.Json.dll"), Choose(Request(_signed.Version!), _requester));
    }

    [Fact]
    public void Accepts_a_lower_version_as_a_binding_redirect_would()
    {
        Assert.Equal(Path.Combine(_dependencies, "Newtonsoft.Json.dll"), Choose(Request(new Version(12, 0, 0, 0)), _requester));
    }

    [Fact]
    public void Refuses_a_version_newer_than_shipped()
    {
        var newer = new Version(_signed.Version!.Major, _signed.Version.Minor, _signed.Version.Build, _signed.Version.Revision + 1);
        Assert.Null(Choose(Request(newer), _requester));
    }

    [Fact]
    public void Refuses_a_different_public_key_token()
    {
        Assert.Null(Choose(Request(_signed.Version!, "b03f5f7f11d50a3a"), _requester));
    }

    [Fact]
    public void Refuses_a_request_without_a_requester()
    {
        Assert.Null(Choose(Request(_signed.Version!), null));
        Assert.Null(Choose(Request(_signed.Version!), string.Empty));
    }

    [Fact]
    public void Refuses_a_request_from_an_assembly_outside_the_module()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "other-module", "Other.dll");
        var subfolder = Path.Combine(_module, "en-US", "Other.dll");

        Assert.Null(Choose(Request(_signed.Version!), elsewhere));
        Assert.Null(Choose(Request(_signed.Version!), subfolder)); // only the root and Dependencies are CaseOps'
    }

    [Fact]
    public void Answers_a_request_from_an_assembly_in_Dependencies()
    {
        var requester = Path.Combine(_dependencies, "Newtonsoft.Json.dll");
        Assert.Equal(requester, Choose(Request(_signed.Version!), requester));
    }

    [Fact]
    public void Refuses_a_name_the_module_does_not_ship()
    {
        Assert.Null(Choose("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", _requester));
    }

    [Fact]
    public void Looks_in_Dependencies_first_then_the_root()
    {
        var atRoot = Path.Combine(_module, "Newtonsoft.Json.dll");
        File.Copy(Path.Combine(_dependencies, "Newtonsoft.Json.dll"), atRoot);

        Assert.Equal(Path.Combine(_dependencies, "Newtonsoft.Json.dll"), Choose(Request(_signed.Version!), _requester));

        File.Delete(Path.Combine(_dependencies, "Newtonsoft.Json.dll"));
        Assert.Equal(atRoot, Choose(Request(_signed.Version!), _requester));
    }

    [Fact]
    public void Answers_an_unsigned_request_by_name_and_version()
    {
        var models = AssemblyName.GetAssemblyName(_requester);
        Assert.Equal(_requester, Choose($"CaseOps.Models, Version={models.Version}, Culture=neutral, PublicKeyToken=null", _requester));
    }
}
