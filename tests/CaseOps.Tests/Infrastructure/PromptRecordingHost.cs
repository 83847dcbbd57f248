using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// A host that keeps what PowerShell shows the user: the lines it writes (the "What if: ..." lines of
/// -WhatIf go to the host, not to a stream) and the confirmation prompts of -Confirm, each answered
/// with <see cref="Answer"/>. Give it to <see cref="PowerShellSession(PSHost)"/>.
/// </summary>
public sealed class PromptRecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui = new();

    /// <summary>Lines written to the host, in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>Confirmation prompts as "caption|message", in order.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>The label every confirmation is answered with (e.g. "&amp;No", "&amp;Yes"); "No" unless set.</summary>
    public string Answer { get => _ui.Answer; set => _ui.Answer = value; }

    /// <summary>Forgets the lines and prompts seen so far.</summary>
    public void Clear() => _ui.Clear();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "PromptRecordingHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version { get; } = new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly List<string> _lines = [];
        private readonly List<string> _prompts = [];
        private readonly System.Text.StringBuilder _partial = new();

        public string Answer { get; set; } = "&No";

        public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

        public IReadOnlyList<string> Prompts { get { lock (_lines) return [.. _prompts]; } }

        public void Clear()
        {
            lock (_lines)
            {
                _lines.Clear();
                _prompts.Clear();
                _partial.Clear();
            }
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_lines)
                _prompts.Add(caption + "|" + message);
            var index = choices.ToList().FindIndex(c => string.Equals(c.Label, Answer, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new InvalidOperationException("No choice labelled " + Answer + ": " + string.Join(", ", choices.Select(c => c.Label)));
        }

        public override void Write(string value)
        {
            lock (_lines)
                _partial.Append(value);
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

        public override void WriteLine(string value)
        {
            lock (_lines)
            {
                _lines.Add(_partial + value);
                _partial.Clear();
            }
        }

        public override void WriteErrorLine(string value) => WriteLine(value);

        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("Prompt: " + caption);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("PromptForCredential: " + caption);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("PromptForCredential: " + caption);

        public override string ReadLine() => throw new NotSupportedException("ReadLine");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("ReadLineAsSecureString");
    }
}
