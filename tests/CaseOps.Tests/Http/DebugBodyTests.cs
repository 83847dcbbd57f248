using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// Bodies in the debug log are cut after 4096 characters with a count of the rest, so a base64 attachment
/// or a huge listing does not flood a job's stream; without debug they are not logged at all.
/// </summary>
public sealed class DebugBodyTests
{
    private const int Cut = 4096;

    /// <summary>A JSON string of exactly <paramref name="length"/> characters.</summary>
    private static string Body(int length) => "\"" + new string('a', length - 2) + "\"";

    private static async Task<(string Request, string Response)> Logged(string requestBody, string responseBody)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok(responseBody));
        using var connection = stub.Connect();
        var log = new CapturingLog();

        await StubServer.SendAsync(connection, log, "POST", "things", requestBody);

        Assert.Equal(requestBody, Assert.Single(stub.Received).Body);   // the cut is the log's, not the request's
        var logged = log.Lines.Where(l => l.StartsWith("D ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, logged.Count);
        return (logged[0], logged[1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4095)]
    [InlineData(Cut)]
    public async Task Bodies_up_to_4096_characters_are_logged_whole(int length)
    {
        var (request, response) = await Logged(Body(length), Body(length));

        Assert.Equal("D Request body: " + Body(length), request);
        Assert.Equal("D Response body: " + Body(length), response);
    }

    [Theory]
    [InlineData(Cut + 1)]
    [InlineData(10_000)]
    public async Task Longer_bodies_are_cut_after_4096_characters(int length)
    {
        var (request, response) = await Logged(Body(length), Body(length));

        var rest = $"… ({length - Cut} more characters)";
        Assert.Equal("D Request body: " + Body(length)[..Cut] + rest, request);
        Assert.Equal("D Response body: " + Body(length)[..Cut] + rest, response);
    }

    [Fact]
    public async Task Without_debug_no_body_is_logged()
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok("{\"answer\":1}"));
        using var connection = stub.Connect();
        var log = new CapturingLog(debug: false);

        await StubServer.SendAsync(connection, log, "POST", "things", "{\"question\":1}");

        Assert.DoesNotContain(log.Lines, l => l.StartsWith("D ", StringComparison.Ordinal));
        Assert.Matches(@"^V POST http://127\.0\.0\.1:\d+/things -> 200 OK \(\d+ ms\)$", Assert.Single(log.Lines));
    }
}
