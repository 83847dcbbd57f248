using Xunit;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// A test class's emulator (shared by its tests, knobs reset before each) and a fresh runspace per
/// test with the staged module, connected unless the class asks otherwise.
/// </summary>
public abstract class CmdletTestBase : IClassFixture<SandboxFixture>, IDisposable
{
    protected CmdletTestBase(SandboxFixture sandbox, bool connect = true)
    {
        Sandbox = sandbox;
        Sandbox.Reset();
        if (connect)
        {
            Session.ConnectIncydr(sandbox.Host).AssertSuccess();
            Sandbox.Host.Requests.Clear();
        }
    }

    protected SandboxFixture Sandbox { get; }

    protected PowerShellSession Session { get; } = new();

    public virtual void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
