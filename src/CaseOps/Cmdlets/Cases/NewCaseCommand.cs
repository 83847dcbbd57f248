using CaseOps.Cmdlets.Users;
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
        private IncydrUserResolver? _users;

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

        /// <summary>The person the case is about: a username, a user id or an IncydrUser.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IncydrUserArgument]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Subject { get; set; }

        /// <summary>The investigator: a username, a user id or an IncydrUser.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IncydrUserArgument]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Assignee { get; set; }

        protected override void ProcessRecord()
        {
            // Users first: one Incydr does not know is reported, and nothing is sent to the cases (docs/contracts/incydr.md, "Users").
            _users ??= new IncydrUserResolver(this);
            if (!_users.TryResolve(Subject, out var subject) || !_users.TryResolve(Assignee, out var assignee))
                return;
            var changes = new CaseChanges
            {
                Name = Name,
                Description = ParameterText.EmptyAsNull(Description),
                Findings = ParameterText.EmptyAsNull(Findings),
                Subject = subject.Id,
                Assignee = assignee.Id,
            };
            if (!ShouldProcess("Case " + ChangeDescription.Show(Name), Action(changes, subject, assignee)))
                return;
            var service = new CaseService(ResolveConnection(), RequestLog);
            Attempt(() => WriteObject(Await(service.CreateAsync(changes, CancellationToken))), new ErrorContext($"Case '{Name}'", "CaseNotFound", Name), CaseProblems.Map);
        }

        // "Create", with the fields set besides the name (docs/architecture.md, "Prompts").
        private static string Action(CaseChanges changes, UserValue subject, UserValue assignee)
        {
            var fields = new ChangeDescription();
            if (changes.Description != null) fields.Set("Description", changes.Description);
            if (changes.Findings != null) fields.Set("Findings", changes.Findings);
            if (subject.Id != null) fields.Set("Subject", subject.Shown);
            if (assignee.Id != null) fields.Set("Assignee", assignee.Shown);
            return fields.IsEmpty ? "Create" : "Create (" + fields + ")";
        }
    }
}
