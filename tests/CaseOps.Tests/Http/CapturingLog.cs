using System.Collections.Concurrent;
using CaseOps.Http;

namespace CaseOps.Tests.Http;

/// <summary>
/// A request log that keeps its lines: "V " verbose, "D " debug, "W " warning. <paramref name="seen"/>, when
/// given, sees each line as it is written, on the thread that writes it (a test can act at that moment).
/// </summary>
internal sealed class CapturingLog(bool debug = true, Action<string>? seen = null) : IRequestLog, IRequestWarningLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public bool IsDebugEnabled => debug;

    public void Verbose(string message) => Add("V " + message);

    public void Debug(string message) => Add("D " + message);

    public void Warning(string message) => Add("W " + message);

    private void Add(string line)
    {
        Lines.Enqueue(line);
        seen?.Invoke(line);
    }
}
