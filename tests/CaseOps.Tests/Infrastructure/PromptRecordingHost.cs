using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// A host that keeps what PowerShell writes to the console, so a test can read the -WhatIf lines: a runspace
/// without a host drops them (they go to the host, not to a stream). -Confirm questions are kept and answered
/// with <see cref="ConfirmAnswer"/> (the index of the choice, e.g. <see cref="No"/>); without one they fail.
/// </summary>
public sealed class PromptRecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui = new();

    public override string Name => "CaseOps test host";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>Every line written to the console, in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>The "What if: ..." lines.</summary>
    public IReadOnlyList<string> WhatIfLines => _ui.Lines.Where(l => l.StartsWith("What if: ", StringComparison.Ordinal)).ToList();

    /// <summary>The choice -Confirm questions get: Yes is 0, No is 2 (PowerShell's ShouldProcess choices).</summary>
    public int? ConfirmAnswer { get => _ui.ConfirmAnswer; set => _ui.ConfirmAnswer = value; }

    public const int Yes = 0;
    public const int No = 2;

    /// <summary>The -Confirm questions asked, caption and message joined by a line break.</summary>
    public IReadOnlyList<string> Questions => _ui.Questions;

    public void Clear() => _ui.Clear();

    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly List<string> _lines = new();
        private string _pending = string.Empty;

        private readonly List<string> _questions = new();

        public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

        public IReadOnlyList<string> Questions { get { lock (_lines) return _questions.ToList(); } }

        public int? ConfirmAnswer { get; set; }

        public override PSHostRawUserInterface? RawUI => null;

        public void Clear() { lock (_lines) { _lines.Clear(); _questions.Clear(); _pending = string.Empty; } }

        public override void Write(string value) { lock (_lines) _pending += value; }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
        public override void WriteLine(string value) { lock (_lines) { _lines.Add(_pending + value); _pending = string.Empty; } }
        public override void WriteErrorLine(string value) => WriteLine(value);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine() => throw new NotSupportedException("The test host cannot prompt.");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host cannot prompt.");
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host cannot prompt.");
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_lines)
                _questions.Add(caption + "\n" + message);
            return ConfirmAnswer ?? throw new NotSupportedException("The test host cannot prompt.");
        }
    }
}
