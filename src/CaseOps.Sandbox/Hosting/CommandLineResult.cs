namespace CaseOps.Sandbox.Hosting;

/// <summary>Parsed command line: options to run with, a help request, or an error.</summary>
/// <param name="Options">Options when parsing succeeded and no help was asked for.</param>
/// <param name="ShowHelp">True for <c>--help</c>/<c>-h</c>/<c>-?</c>.</param>
/// <param name="IgnoreStdin">True for <c>--ignore-stdin</c>: do not stop when stdin closes.</param>
/// <param name="Error">Message for a bad command line.</param>
public sealed record CommandLineResult(SandboxOptions? Options, bool ShowHelp, bool IgnoreStdin, string? Error);
