using System.Collections;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Creates a Zammad ticket with its first article.</summary>
    [Cmdlet(VerbsCommon.New, "Ticket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Ticket))]
    public sealed class NewTicketCommand : ZammadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>The customer: email or login, id, or guess:&lt;email&gt; to create the customer if unknown.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Customer { get; set; }

        /// <summary>The text of the first article.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Body { get; set; }

        /// <summary>The first article's type: note (default), email, phone, web, ...</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ArticleTypeCompleter))]
        public string ArticleType { get; set; } = "note";

        /// <summary>Makes the first article visible to agents only.</summary>
        [Parameter]
        public SwitchParameter Internal { get; set; }

        /// <summary>Tags for the new ticket.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Tags.ValidateTagName]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? Tag { get; set; }

        /// <summary>Group name or id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupCompleter))]
        public string? Group { get; set; }

        /// <summary>State name (new, open, closed, ...) or id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StateCompleter))]
        public string? State { get; set; }

        /// <summary>Priority name or id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PriorityCompleter))]
        public string? Priority { get; set; }

        /// <summary>The agent who owns the ticket: login, email or id (1 = unassigned).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OwnerCompleter))]
        public string? Owner { get; set; }

        /// <summary>Any other field by its Zammad name, custom fields included, e.g. @{ incident_ref = 'IR-7' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        protected override void ProcessRecord()
        {
            var ticket = new TicketChanges { Title = Title, Customer = Customer, Tags = Tag };
            TicketFieldParameters.Apply(ticket, Property, Group, State, Priority, Owner);
            ticket.Title = Title;
            ticket.Customer = Customer;
            if (Body != null)
                ticket.Article = new ArticleDraft { Body = Body, Type = ArticleType, Internal = Internal.IsPresent };
            try
            {
                Attempt(() =>
                {
                    if (!ShouldProcess("Ticket " + ChangeDescription.Show(Title), "Create with " + TicketPrompt.Describe(this, null, ticket, titleInTarget: true)))
                        return;
                    WriteObject(TicketOutput.ToPSObject(Await(new TicketService(ResolveConnection(), RequestLog).CreateAsync(ticket, CancellationToken))));
                }, new Common.ErrorContext($"Ticket '{Title}'", "TicketCreateFailed", Title));
            }
            catch (ZammadLookupException ex)
            {
                WriteError(TicketProblems.UnknownName(ex, Title));
            }
        }
    }
}
