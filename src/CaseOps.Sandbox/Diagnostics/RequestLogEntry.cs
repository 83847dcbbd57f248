namespace CaseOps.Sandbox.Diagnostics;

/// <summary>One request as the emulator saw it.</summary>
/// <param name="Sequence">Arrival order, starting at 1.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query.</param>
/// <param name="QueryString">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="StatusCode">Status sent; 0 while the request is still running; 499 when the client went away first.</param>
/// <param name="ArrivedAt"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> at arrival.</param>
/// <param name="RequestId">The X-Request-Id given to the response.</param>
public sealed record RequestLogEntry(
    long Sequence,
    string Method,
    string Path,
    string QueryString,
    int StatusCode,
    long ArrivedAt,
    string RequestId);
