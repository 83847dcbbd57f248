using CaseOps.Sandbox;
using Xunit;

namespace CaseOps.Tests.Infrastructure;

/// <summary>One emulator per test class, on 127.0.0.1 with a free port.</summary>
public class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    protected virtual SandboxOptions CreateOptions() => new() { CaseCount = 250, RetryAfterSeconds = 0 };

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(CreateOptions());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Puts the knobs back between tests of a class.</summary>
    public void Reset()
    {
        Host.Faults.Reset();
        Host.Gateway.Reset();
        Host.Requests.Clear();
    }

    /// <summary><see cref="Reset"/>, then the emulator: for a test class's field initializer.</summary>
    public SandboxHost ResetHost()
    {
        Reset();
        return Host;
    }
}
