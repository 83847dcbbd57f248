using System.Collections.ObjectModel;

namespace CaseOps.Sync.Models
{
    /// <summary>
    /// The changes of one sync result: a list for <c>-contains</c> and JSON, whose text is the names joined, so
    /// Export-Csv writes "ticket, pdf, state:closed" rather than a type name.
    /// </summary>
    public sealed class CaseTicketSyncChanges : ReadOnlyCollection<string>
    {
        public CaseTicketSyncChanges(IList<string> changes)
            : base(changes)
        {
        }

        public override string ToString() => string.Join(", ", this);
    }
}
