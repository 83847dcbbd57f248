using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Bad answers with status 200 (docs/architecture.md, "The emulator"): a request that matches a
/// pending rewrite is handled in full, then the rewrite gets the body the handler wrote and returns the
/// bytes sent instead, with a Content-Length that matches them. This is how the tests play the servers
/// and proxies that repeat a page, drop or rename a key, change a type, insert nulls, inflate a string,
/// answer for another id or cut a body. Thread-safe; rewrites are tried in the order they were added,
/// each used up after its count; <see cref="Clear"/> drops them all.
/// </summary>
public sealed class AnswerRewrites
{
    private readonly object gate = new();
    private readonly List<Rewrite> pending = new();

    /// <summary>Rewrites still pending.</summary>
    public int Pending
    {
        get { lock (gate) { return pending.Count; } }
    }

    /// <summary>Rewrites the body of the next <paramref name="count"/> answers to requests that <paramref name="match"/> accepts.</summary>
    public void Add(Func<HttpRequest, bool> match, Func<byte[], byte[]> rewrite, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(rewrite);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (gate)
        {
            pending.Add(new Rewrite(match, rewrite, count));
        }
    }

    /// <summary>Edits the JSON body of the next <paramref name="count"/> matching answers; <paramref name="edit"/> returns the JSON to send.</summary>
    public void AddJson(Func<HttpRequest, bool> match, Func<JsonNode?, JsonNode?> edit, int count = 1) =>
        Add(match, body => Encoding.UTF8.GetBytes(edit(JsonNode.Parse(body))?.ToJsonString() ?? "null"), count);

    /// <summary>A matcher for <paramref name="method"/> on paths that start with <paramref name="pathPrefix"/> and carry every query value given.</summary>
    public static Func<HttpRequest, bool> Request(string method, string pathPrefix, params (string Name, string Value)[] query) =>
        request => string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase)
            && (request.Path.Value ?? string.Empty).StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)
            && query.All(q => string.Equals(request.Query[q.Name].ToString(), q.Value, StringComparison.Ordinal));

    /// <summary>Drops every pending rewrite.</summary>
    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    /// <summary>Takes one use of the first pending rewrite that matches this request; null when none does.</summary>
    public Func<byte[], byte[]>? TryTake(HttpRequest request)
    {
        lock (gate)
        {
            var found = pending.FirstOrDefault(r => r.Match(request));
            if (found is null)
                return null;
            if (--found.Remaining == 0)
                pending.Remove(found);
            return found.Apply;
        }
    }

    private sealed class Rewrite(Func<HttpRequest, bool> match, Func<byte[], byte[]> apply, int remaining)
    {
        public Func<HttpRequest, bool> Match { get; } = match;

        public Func<byte[], byte[]> Apply { get; } = apply;

        public int Remaining { get; set; } = remaining;
    }
}
