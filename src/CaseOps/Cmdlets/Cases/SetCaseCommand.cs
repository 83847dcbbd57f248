using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>
    /// Changes an Incydr case. The API replaces the whole case, so the cmdlet reads it first and sends
    /// back every field it was not asked to change as the server has it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Case", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class SetCaseCommand : IncydrCmdlet
    {
        private const string NumberSet = "ByNumber";
        private const string InputObjectSet = "InputObject";

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

        /// <summary>User UID of the person the case is about; $null clears it.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Subject { get; set; }

        /// <summary>User UID of the investigator; $null unassigns the case.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Assignee { get; set; }

        private static readonly string[] FieldParameters = { nameof(Name), nameof(Status), nameof(Description), nameof(Findings), nameof(Subject), nameof(Assignee) };

        protected override void ProcessRecord()
        {
            var number = InputObject?.Number ?? Number;
            if (InputObject?.HasEdits != true && !Array.Exists(FieldParameters, IsBound))
            {
                WriteWarning($"Case {number}: nothing to change. Name the fields to change (-Status, -Assignee, ...) or edit the properties of the piped case.");
                return;
            }
            if (!ShouldProcess($"Case {number}", "Update"))
                return;
            var service = new CaseService(ResolveConnection(), RequestLog);
            Attempt(() => WriteObject(Await(service.UpdateAsync(number, Apply, CancellationToken))), CaseProblems.About(number, InputObject), CaseProblems.Map);
        }

        // Piped edits first, then the parameters, which name the user's intent most directly.
        private void Apply(CaseChanges changes)
        {
            InputObject?.ApplyEditsTo(changes);
            if (IsBound(nameof(Name))) changes.Name = Name!;
            if (IsBound(nameof(Status))) changes.Status = Status;
            if (IsBound(nameof(Description))) changes.Description = ParameterText.EmptyAsNull(Description);
            if (IsBound(nameof(Findings))) changes.Findings = ParameterText.EmptyAsNull(Findings);
            if (IsBound(nameof(Subject))) changes.Subject = ParameterText.EmptyAsNull(Subject);
            if (IsBound(nameof(Assignee))) changes.Assignee = ParameterText.EmptyAsNull(Assignee);
        }
    }
}
