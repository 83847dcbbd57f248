using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// The connection's limit on requests in flight, shared by every runspace that uses it, and backing off
/// together under 429 (docs/architecture.md, "Connections" and "Retries"), checked by the emulator's gateway.
/// </summary>
public sealed class SharedLimitTests : CmdletTestBase
{
    public SharedLimitTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
    }

    private List<long> AllNumbers => Sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderBy(n => n).ToList();

    private object Connect(int? maxConcurrency = null)
    {
        var result = Session.Run(
            "param($uri, $credential, $max) if ($max) { Connect-Incydr -Uri $uri -Credential $credential -MaxConcurrency $max } else { Connect-Incydr -Uri $uri -Credential $credential }",
            new() { ["uri"] = Sandbox.Host.IncydrBaseUri.ToString(), ["credential"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, Sandbox.Host.Options.ClientSecret), ["max"] = maxConcurrency });
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Gateway.Reset();
        return result.AssertSuccess().Output.Single().BaseObject;
    }

    // Several listings at once in runspaces of their own, all with one connection; each one's case numbers.
    private List<List<long>> ListInParallel(object connection, int runspaces, int pageSize) =>
        InParallel(runspaces, session => session.Run("param($c, $size) Get-Case -Connection $c -PageSize $size", new() { ["c"] = connection, ["size"] = pageSize })
            .AssertSuccess().Objects<Case>().Select(c => c.Number).ToList());

    private static List<T> InParallel<T>(int runspaces, Func<PowerShellSession, T> run)
    {
        var sessions = Enumerable.Range(0, runspaces).Select(_ => new PowerShellSession()).ToList();
        try
        {
            var runs = sessions.Select(session => Task.Run(() => run(session))).ToArray();
            Assert.True(Task.WaitAll(runs, TimeSpan.FromMinutes(2)), "the runspaces did not finish");
            return runs.Select(t => t.Result).ToList();
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Several_runspaces_sharing_a_connection_never_have_more_than_its_limit_in_flight()
    {
        var connection = Connect(3);
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(30);

        var listings = ListInParallel(connection, runspaces: 4, pageSize: 25);

        Assert.All(listings, numbers => Assert.Equal(AllNumbers, numbers));
        Assert.Equal(3, Sandbox.Host.Gateway.PeakInFlight);
    }

    [Fact]
    public void Sixteen_parallel_threads_share_the_default_limit_of_eight()
    {
        var connection = Connect();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(30);

        var counts = Session.Run(
            """
            param($c, $manifest)
            1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
                Import-Module $using:manifest
                @(Get-Case -Connection $using:c -PageSize 50).Count
            }
            """,
            new() { ["c"] = connection, ["manifest"] = RepoPaths.StagedManifest }).AssertSuccess().Objects<int>();

        Assert.Equal(Enumerable.Repeat(250, 16), counts);
        Assert.InRange(Sandbox.Host.Gateway.PeakInFlight, 5, 8);
    }

    [Fact]
    public void Under_a_gateway_limit_of_four_in_flight_listings_lose_and_repeat_nothing()
    {
        var connection = Connect();
        Sandbox.Host.Gateway.MaxInFlightPerClient = 4;
        Sandbox.Host.Gateway.RetryAfterSeconds = 0;
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(20);

        var listings = ListInParallel(connection, runspaces: 3, pageSize: 5);

        Assert.All(listings, numbers => Assert.Equal(AllNumbers, numbers));
        var refused = Sandbox.Host.Requests.Count(e => e.StatusCode == 429);
        Assert.Equal(Sandbox.Host.Gateway.Rejected, refused);
        Assert.True(refused > 0, "the gateway limit was never reached");
        // Every page was answered once per listing; the refused ones were sent again and nothing else.
        Assert.Equal(3 * 50, Sandbox.Host.Requests.Count(e => e.Path == "/v1/cases" && e.StatusCode == 200));
        Assert.True(refused < 3 * 50 / 2, $"{refused} refusals for 150 pages: the connection did not back off");
    }

    [Fact]
    public void A_429_with_Retry_After_pauses_the_other_requests_of_the_connection()
    {
        var connection = Connect();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(20);
        Sandbox.Host.Faults.RetryAfterSeconds = 1;
        Sandbox.Host.Faults.FailNext(1, 429);

        var listings = ListInParallel(connection, runspaces: 3, pageSize: 10);

        Assert.All(listings, numbers => Assert.Equal(AllNumbers, numbers));
        var entries = Sandbox.Host.Requests.Entries.Where(e => e.Path == "/v1/cases").ToList();
        var refused = Assert.Single(entries, e => e.StatusCode == 429);
        // Loose on purpose: the 429 is answered after 20 ms; requests sent before it came may still
        // arrive a little later, but in the rest of the second none of the three listings sends anything.
        var quiet = entries.Where(e => Seconds(e.ArrivedAt - refused.ArrivedAt) is > 0.3 and < 0.9).ToList();
        Assert.Empty(quiet);
        Assert.Contains(entries, e => Seconds(e.ArrivedAt - refused.ArrivedAt) >= 0.9);
    }

    [Fact]
    public void MaxConcurrency_out_of_range_is_refused_when_binding()
    {
        var result = Session.Run("param($uri, $token) Connect-Zammad -Uri $uri -Token $token -MaxConcurrency 0",
            new() { ["uri"] = Sandbox.Host.ZammadBaseUri.ToString(), ["token"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) });

        Assert.Equal("ParameterArgumentValidationError,CaseOps.Cmdlets.Connection.ConnectZammadCommand", result.FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Connect_Zammad_takes_a_limit_its_listings_keep()
    {
        var zammad = Session.Run(
            "param($uri, $token) Connect-Zammad -Uri $uri -Token $token -MaxConcurrency 2",
            new() { ["uri"] = Sandbox.Host.ZammadBaseUri.ToString(), ["token"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) })
            .AssertSuccess().Output.Single().BaseObject;
        Sandbox.Host.Gateway.Reset();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(30);

        // -First asks for exactly the pages it needs: no page asked ahead is cancelled, whose slot the
        // client frees while the server may still count the request as in flight.
        var total = Sandbox.Host.Zammad.Tickets.Count;
        var counts = InParallel(3, session =>
            session.Run("param($c, $n) @(Get-Ticket -Connection $c -PageSize 10 -First $n).Count", new() { ["c"] = zammad, ["n"] = total }).AssertSuccess().Objects<int>().Single());

        Assert.All(counts, count => Assert.Equal(total, count));
        Assert.InRange(Sandbox.Host.Gateway.PeakInFlight, 1, 2);
    }

    private static double Seconds(long stopwatchTicks) => (double)stopwatchTicks / System.Diagnostics.Stopwatch.Frequency;
}
