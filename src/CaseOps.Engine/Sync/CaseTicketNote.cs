using System.Text;
using CaseOps.Incydr.Models;

namespace CaseOps.Sync
{
    /// <summary>The text of the internal notes the sync writes: the case's content and, last, the marker line.</summary>
    public static class CaseTicketNote
    {
        public static string Title(Case source) => $"Case {source.Number}: {source.Name}";

        public static string Body(Case source, string tag)
        {
            var text = new StringBuilder();
            text.Append("Incydr case ").Append(source.Number).Append(": ").Append(source.Name).Append('\n');
            text.Append("Assignee: ").Append(source.AssigneeUsername ?? source.Assignee ?? "(none)").Append('\n');
            text.Append("Subject: ").Append(source.SubjectUsername ?? source.Subject ?? "(none)").Append("\n\n");
            text.Append("Description:\n").Append(source.Description ?? "(none)").Append("\n\n");
            text.Append("Findings:\n").Append(source.Findings ?? "(none)").Append("\n\n");
            text.Append(CaseTicketKey.MarkerLine(tag, CaseContentHash.Of(source), source.UpdatedAt));
            return text.ToString();
        }
    }
}
