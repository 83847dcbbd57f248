using System.Reflection;
using CaseOps.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// The net behind the strict readers: a reader of a 2xx answer that fails in a way it did not foresee, or
/// reads nothing, still ends as an invalid answer naming the request and the request id, never as a raw
/// exception (docs/architecture.md, "Errors"). The readers in the services are strict, so these tests give
/// <see cref="ApiClient"/> readers of their own.
/// </summary>
public sealed class ReaderFailureTests
{
    /// <summary>
    /// <see cref="ApiClient"/>'s <c>SendAsync(request, read, log, token)</c> for GET things/1 with <paramref name="read"/>.
    /// RestSharp's types do not reach the tests at compile time (src/CaseOps.Engine/CaseOps.Engine.csproj), so the
    /// request is built and the method called by reflection.
    /// </summary>
    private static async Task<(CaseOpsApiException Error, string SentId)> ReadWith(Func<JToken, object?> read)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok("{\"id\":1}"));
        using var connection = stub.Connect();
        var requestType = Type.GetType("RestSharp.RestRequest, RestSharp", throwOnError: true)!;
        var request = Activator.CreateInstance(requestType, "things/1", Enum.ToObject(Type.GetType("RestSharp.Method, RestSharp", throwOnError: true)!, 0))!;
        var send = typeof(ApiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Single(m => m.Name == nameof(ApiClient.SendAsync) && m.IsGenericMethod && m.GetParameters()[1].ParameterType.IsGenericType
                && m.GetParameters()[1].ParameterType.GetGenericTypeDefinition() == typeof(Func<,>))
            .MakeGenericMethod(typeof(object));

        var task = (Task<object>)send.Invoke(connection.Api, [request, read, RequestLog.None, CancellationToken.None])!;
        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => task);

        return (error, Assert.Single(stub.Received).RequestId);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(InvalidCastException))]
    [InlineData(typeof(OverflowException))]
    [InlineData(typeof(ArgumentException))]
    public async Task A_reader_that_fails_unforeseen_is_an_invalid_answer_at_the_root(Type type)
    {
        var thrown = (Exception)Activator.CreateInstance(type, "no value")!;

        var (error, id) = await ReadWith(_ => throw thrown);

        Assert.Equal($"Zammad sent an invalid answer to GET /things/1: the member '(root)' could not be read: no value. Request id: {id}.", error.Message);
        Assert.Equal("(root)", error.Member);
        Assert.Same(thrown, error.InnerException);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task A_JSON_error_with_a_cause_names_both()
    {
        var (error, id) = await ReadWith(_ => throw new JsonSerializationException("Error converting value.", new FormatException("not a number")));

        Assert.Equal($"Zammad sent an invalid answer to GET /things/1: the member '(root)' is not the expected JSON: Error converting value. not a number. Request id: {id}.", error.Message);
    }

    [Fact]
    public async Task A_JSON_reader_error_names_the_member_it_met()
    {
        var (error, id) = await ReadWith(_ => throw new JsonReaderException("Unexpected end.", "items[2].title", 1, 40, null));

        Assert.Equal($"Zammad sent an invalid answer to GET /things/1: the member 'items[2].title' is not the expected JSON: Unexpected end. Request id: {id}.", error.Message);
        Assert.Equal("items[2].title", error.Member);
    }

    [Fact]
    public async Task A_reader_that_reads_nothing_is_an_empty_response()
    {
        var (error, id) = await ReadWith(_ => null);

        Assert.Equal($"Zammad sent an empty response where data was expected. Request id: {id}.", error.Message);
        Assert.Equal(200, error.StatusCode);
    }
}
