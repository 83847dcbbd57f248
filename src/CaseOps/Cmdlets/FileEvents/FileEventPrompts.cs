using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>
    /// What the -WhatIf and -Confirm prompts of Add- and Remove-CaseFileEvent say (docs/architecture.md,
    /// "Prompts"): the case by number and name, <c>Case 42 'Laptop USB copy'</c>, and each event by id with
    /// its file name where the piped object carries one. A piped Case names itself; a case given by number
    /// is read once per command, and only when a prompt or a -WhatIf line will show it and
    /// a connection is at hand.
    /// </summary>
    internal sealed class FileEventPrompts
    {
        private readonly IncydrCmdlet _cmdlet;
        private readonly ConfirmImpact _impact;
        private readonly Dictionary<long, string?> _caseNames = new Dictionary<long, string?>();
        private CaseService? _cases;

        public FileEventPrompts(IncydrCmdlet cmdlet, ConfirmImpact impact)
        {
            _cmdlet = cmdlet;
            _impact = impact;
        }

        /// <summary>Takes the case's name from <paramref name="piped"/> (the pipeline object, if any) when it is that case.</summary>
        public void Notice(long number, object? piped)
        {
            if (Unwrap(piped) is Case { Number: var pipedNumber } pipedCase && pipedNumber == number)
                _caseNames[number] = pipedCase.Name;
        }

        /// <summary>The case as a prompt names it.</summary>
        public string Case(long number)
        {
            if (!_caseNames.TryGetValue(number, out var name) && PromptVisibility.IsShown(_cmdlet) && CanConnect())
                _caseNames[number] = name = ReadName(number);
            return ChangeDescription.Target("Case", number.ToString(CultureInfo.InvariantCulture), name);
        }

        /// <summary>An event as a prompt names it: its id, then its file name when known.</summary>
        public static string Event(string eventId, string? fileName) =>
            string.IsNullOrEmpty(fileName) ? "file event " + eventId : "file event " + eventId + " " + ChangeDescription.Show(fileName);

        /// <summary>The file name a piped event carries for <paramref name="eventId"/> (a listed event or a detail), else null.</summary>
        public static string? FileNameOf(object? piped, string eventId) => Unwrap(piped) switch
        {
            CaseFileEvent listed when listed.EventId == eventId => listed.FileName,
            FileEventDetail detail when detail.EventId == eventId => detail.File?.Name,
            _ => null,
        };

        // -WhatIf works without a connection: then the prompt names the case by number alone.
        private bool CanConnect() => _cmdlet.Connection is { } given ? !given.IsClosed : ConnectionResolver.IsAvailable(CaseOpsService.Incydr);

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        // The name only makes the prompt clearer: when it cannot be read, the prompt names the number
        // alone and the change itself reports what is wrong with the case.
        private string? ReadName(long number)
        {
            _cases ??= new CaseService(_cmdlet.ResolveConnection(), _cmdlet.RequestLog);
            try
            {
                return _cmdlet.Await(_cases.GetAsync(number, _cmdlet.CancellationToken)).Name;
            }
            catch (CaseOpsApiException ex)
            {
                _cmdlet.WriteVerboseLine($"The name of case {number} could not be read for the prompt: {ex.Message}");
                return null;
            }
        }
    }
}
