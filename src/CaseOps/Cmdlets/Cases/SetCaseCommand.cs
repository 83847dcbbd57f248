using System.Globalization;
using CaseOps.Cmdlets.Users;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>
    /// Changes an Incydr case. The API replaces the whole case, so the cmdlet reads it first and sends
    /// back every field it was not asked to change as the server has it. That read also names the case and
    /// the old values in the -WhatIf and -Confirm text.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Case", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class SetCaseCommand : IncydrCmdlet
    {
        private const string NumberSet = "ByNumber";
        private const string InputObjectSet = "InputObject";
        private IncydrUserResolver? _users;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseNumber")]
        [ValidateRange(1, long.MaxValue)]
        public long Number { get; set; }

        /// <summary>A Case whose properties were changed; the changed ones are saved.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Case? InputObject { get; set; }

        [Parameter]
        [ValidateLength(1, 50)]
        public string? Name { get; set; }

        [Parameter]
        public CaseStatus Status { get; set; }

        [Parameter]
        [AllowNull, AllowEmptyString, ValidateTextLength(250)]
        public string? Description { get; set; }

        [Parameter]
        [AllowNull, AllowEmptyString, ValidateTextLength(30000)]
        public string? Findings { get; set; }

        /// <summary>The person the case is about: a username, a user id or an IncydrUser; $null clears it.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        [IncydrUserArgument]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Subject { get; set; }

        /// <summary>The investigator: a username, a user id or an IncydrUser; $null unassigns the case.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        [IncydrUserArgument]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Assignee { get; set; }

        /// <summary>Writes the case as saved; without it Set-Case writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private static readonly string[] FieldParameters = { nameof(Name), nameof(Status), nameof(Description), nameof(Findings), nameof(Subject), nameof(Assignee) };

        protected override void ProcessRecord()
        {
            var number = InputObject?.Number ?? Number;
            if (InputObject?.HasEdits != true && !Array.Exists(FieldParameters, IsBound))
            {
                WriteWarning($"Case {number}: nothing to change. Name the fields to change (-Status, -Assignee, ...) or edit the properties of the piped case.");
                return;
            }
            // Users first: one Incydr does not know is reported, and nothing is sent to the case (docs/contracts/incydr.md, "Users").
            _users ??= new IncydrUserResolver(this);
            if (!TryResolveUser(nameof(Subject), Subject, InputObject?.SubjectEdited == true, InputObject?.Subject, out var subject)
                || !TryResolveUser(nameof(Assignee), Assignee, InputObject?.AssigneeEdited == true, InputObject?.Assignee, out var assignee))
                return;
            var service = new CaseService(ResolveConnection(), RequestLog);
            Attempt(() =>
            {
                var current = Await(service.GetAsync(number, CancellationToken));
                var changes = CaseService.EditableCopy(current);
                Apply(changes, subject, assignee);
                if (!ShouldProcess(ChangeDescription.Target("Case", current.Number.ToString(CultureInfo.InvariantCulture), current.Name),
                        "Update (" + Describe(current, changes, subject, assignee) + ")"))
                    return;
                var saved = Await(service.ReplaceAsync(number, changes, CancellationToken));
                if (PassThru)
                    WriteObject(saved);
            }, CaseProblems.About(number, InputObject), CaseProblems.Map);
        }

        // The parameter wins over an edit of the piped case; null: the field is not changed.
        private bool TryResolveUser(string parameter, string? given, bool edited, string? editedValue, out UserValue? user)
        {
            user = null;
            if (!IsBound(parameter) && !edited)
                return true;
            var ok = _users!.TryResolve(IsBound(parameter) ? given : editedValue, out var resolved);
            user = resolved;
            return ok;
        }

        // Piped edits first, then the parameters, which name the user's intent most directly; users as resolved.
        private void Apply(CaseChanges changes, UserValue? subject, UserValue? assignee)
        {
            InputObject?.ApplyEditsTo(changes);
            if (IsBound(nameof(Name))) changes.Name = Name!;
            if (IsBound(nameof(Status))) changes.Status = Status;
            if (IsBound(nameof(Description))) changes.Description = ParameterText.EmptyAsNull(Description);
            if (IsBound(nameof(Findings))) changes.Findings = ParameterText.EmptyAsNull(Findings);
            if (subject != null) changes.Subject = subject.Id;
            if (assignee != null) changes.Assignee = assignee.Id;
        }

        // Old -> new of each field that changes (docs/architecture.md, "Prompts"); people by username where known.
        private static ChangeDescription Describe(Case current, CaseChanges changes, UserValue? subject, UserValue? assignee)
        {
            var description = new ChangeDescription()
                .Field("Name", current.Name, changes.Name)
                .Field("Status", WireStatus(current.Status), WireStatus(changes.Status ?? current.Status))
                .Field("Description", current.Description, changes.Description)
                .Field("Findings", current.Findings, changes.Findings);
            if (current.Subject != changes.Subject)
                description.Field("Subject", current.SubjectUsername ?? current.Subject, subject?.Shown ?? changes.Subject);
            if (current.Assignee != changes.Assignee)
                description.Field("Assignee", current.AssigneeUsername ?? current.Assignee, assignee?.Shown ?? changes.Assignee);
            return description;
        }

        // As Incydr and its console name it: OPEN, CLOSED, ARCHIVED.
        private static string WireStatus(CaseStatus status) => status.ToString().ToUpperInvariant();
    }
}
