using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>Creates an Incydr case; it starts OPEN.</summary>
    [Cmdlet(VerbsCommon.New, "Case", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class NewCaseCommand : IncydrCmdlet
    {
        /// <summary>Unique in the tenant, 1 to 50 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 50)]
        public string Name { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, ValidateTextLength(250)]
        public string? Description { get; set; }

        /// <summary>Markdown, up to 30,000 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, ValidateTextLength(30000)]
        public string? Findings { get; set; }

        /// <summary>User UID of the person the case is about.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Subject { get; set; }

        /// <summary>User UID of the investigator.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Assignee { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Case '{Name}'", "Create"))
                return;
            var service = new CaseService(ResolveConnection(), RequestLog);
            var changes = new CaseChanges
            {
                Name = Name,
                Description = ParameterText.EmptyAsNull(Description),
                Findings = ParameterText.EmptyAsNull(Findings),
                Subject = ParameterText.EmptyAsNull(Subject),
                Assignee = ParameterText.EmptyAsNull(Assignee),
            };
            Attempt(() => WriteObject(Await(service.CreateAsync(changes, CancellationToken))), new ErrorContext($"Case '{Name}'", "CaseNotFound", Name), CaseProblems.Map);
        }
    }
}
