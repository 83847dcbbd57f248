using System.Collections.Concurrent;
using CaseOps.Http;

namespace CaseOps.Tests.Http;

/// <summary>A request log that keeps its lines: "V " verbose, "D " debug, "W " warning.</summary>
internal sealed class CapturingLog(bool debug = true) : IRequestLog, IRequestWarningLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public bool IsDebugEnabled => debug;

    public void Verbose(string message) => Lines.Enqueue("V " + message);

    public void Debug(string message) => Lines.Enqueue("D " + message);

    public void Warning(string message) => Lines.Enqueue("W " + message);
}
