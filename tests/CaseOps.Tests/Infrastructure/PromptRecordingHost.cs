using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// A host that records what ShouldProcess shows: the "What if:" lines (written to the host, in no stream a
/// script can capture) and the -Confirm questions, which it answers with <see cref="ConfirmAnswer"/>.
/// </summary>
public sealed class PromptRecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui = new();

    public override string Name => "CaseOps.Tests";

    public override Version Version => new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>Lines written to the host, "What if:" lines among them.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>The "What if:" lines, in order.</summary>
    public IReadOnlyList<string> WhatIf => _ui.Lines.Where(l => l.StartsWith("What if: ", StringComparison.Ordinal)).ToList();

    /// <summary>The text of each confirmation asked (its message, which names the operation and target).</summary>
    public IReadOnlyList<string> Questions => _ui.Questions;

    /// <summary>The choice label picked for every confirmation: "&amp;No" (the default) or "&amp;Yes".</summary>
    public string ConfirmAnswer { get => _ui.Answer; set => _ui.Answer = value; }

    public void Clear() => _ui.Clear();

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly List<string> _lines = new();
        private readonly List<string> _questions = new();

        public string Answer { get; set; } = "&No";

        public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

        public IReadOnlyList<string> Questions { get { lock (_lines) return _questions.ToList(); } }

        public override PSHostRawUserInterface? RawUI => null;

        public void Clear()
        {
            lock (_lines)
            {
                _lines.Clear();
                _questions.Clear();
            }
        }

        public override void WriteLine(string value)
        {
            lock (_lines)
                _lines.Add(value);
        }

        public override void Write(string value) => WriteLine(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => WriteLine(value);

        public override void WriteErrorLine(string value) => WriteLine(value);

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_lines)
                _questions.Add(message);
            var index = choices.ToList().FindIndex(c => c.Label == Answer);
            return index >= 0 ? index : throw new InvalidOperationException($"No choice '{Answer}' among {string.Join(", ", choices.Select(c => c.Label))}");
        }

        public override string ReadLine() => throw new NotSupportedException("The test host reads nothing.");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host reads nothing.");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host reads nothing.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host reads nothing.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host reads nothing.");
    }
}
