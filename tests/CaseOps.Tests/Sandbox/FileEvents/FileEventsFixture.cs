using System.Net;
using System.Net.Http.Headers;
using CaseOps.Sandbox;
using CaseOps.Sandbox.Incydr;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>A download read to the end: status, the content headers that matter, and the bytes.</summary>
public sealed record Download(HttpStatusCode Status, string? ContentType, string? Disposition, long? ContentLength, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// The shared emulator for the file-event tests (200 cases, default pool of 2000 events) plus
/// helpers to make fresh cases, pick pool events and download bytes.
/// </summary>
public sealed class FileEventsFixture : SandboxFixture
{
    private static int counter;
    private int nextPoolIndex;

    /// <summary>Creates an OPEN case through the API and returns its number.</summary>
    public async Task<long> NewCaseAsync()
    {
        var name = $"FE {Interlocked.Increment(ref counter)} {Guid.NewGuid():N}"[..30];
        var reply = await SendAsync(HttpMethod.Post, "/v1/cases", new { name });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json.GetProperty("number").GetInt64();
    }

    /// <summary>Plants a case in <paramref name="status"/> directly in the store.</summary>
    public long NewCase(CaseStatus status)
    {
        var now = DateTime.UtcNow;
        var record = Host.Cases.Add(new CaseRecord
        {
            Number = 0,
            Name = $"FE {status} {Guid.NewGuid():N}"[..30],
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            ArchivalTime = status == CaseStatus.ARCHIVED ? now : null,
        });
        return record.Number;
    }

    /// <summary>
    /// Distinct pool ids no other test of this fixture got (tests run in parallel and events may
    /// sit on several cases, but distinct ids keep assertions simple).
    /// </summary>
    public string[] TakeIds(int count, Func<string, bool>? filter = null)
    {
        var pool = Host.FileEvents.PoolIds;
        var taken = new List<string>(count);
        while (taken.Count < count)
        {
            var index = Interlocked.Increment(ref nextPoolIndex) - 1;
            if (index >= pool.Count)
            {
                throw new InvalidOperationException("The pool ran out of ids for tests.");
            }

            if (filter is null || filter(pool[index]))
            {
                taken.Add(pool[index]);
            }
        }

        return [.. taken];
    }

    /// <summary>One id with a captured source file.</summary>
    public string TakeIdWithFile() => TakeIds(1, Host.FileEvents.HasSourceFile)[0];

    /// <summary>GET with a bearer token, body read completely.</summary>
    public async Task<Download> DownloadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var disposition = response.Content.Headers.TryGetValues("Content-Disposition", out var values) ? string.Join(",", values) : null;
        return new Download(response.StatusCode, response.Content.Headers.ContentType?.MediaType, disposition, response.Content.Headers.ContentLength, body);
    }
}
