using System.Globalization;
using System.Text;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The case summary, <c>GET …/export</c> (docs/contracts/incydr.md, Downloads): a minimal one-page
/// PDF 1.4 written by hand (catalog, page tree, page, Helvetica font, content stream, info), with
/// the xref offsets counted while writing. Everything is Latin-1 text, so one character is one byte
/// and string lengths are byte offsets.
/// </summary>
public static class CaseSummaryPdf
{
    private const int MaxListedEvents = 30;

    /// <summary>The PDF bytes for a case and the events on it.</summary>
    public static byte[] Create(CaseRecord record, IReadOnlyList<FileEventRecord> events)
    {
        var pdf = new StringBuilder(4096);
        var offsets = new List<int>();

        // The second line (bytes above 127) tells transfer tools the file is binary.
        pdf.Append("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");

        void Object(string body)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        var content = Content(record, events);
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"));
        Object($"<< /Title ({Escape($"Case {record.Number} summary")}) /Producer (CaseOps Sandbox) >>");

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n");

        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
        pdf.Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static string Content(CaseRecord record, IReadOnlyList<FileEventRecord> events)
    {
        var lines = new List<string>
        {
            $"Case number: {record.Number}",
            $"Name: {record.Name}",
            $"Status: {record.Status}",
            $"Subject: {record.Subject?.Username ?? "-"}",
            $"Assignee: {record.Assignee?.Username ?? "-"}",
            $"Created: {IsoInstant.Format(record.CreatedAt)}",
            $"Updated: {IsoInstant.Format(record.UpdatedAt)}",
            string.Create(CultureInfo.InvariantCulture, $"File events: {events.Count}"),
            string.Empty,
        };

        foreach (var fileEvent in events.Take(MaxListedEvents))
        {
            lines.Add($"{FileEventTime.Format(fileEvent.Timestamp)}  {fileEvent.FileName}  {fileEvent.RiskSeverity}");
        }

        if (events.Count > MaxListedEvents)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"... and {events.Count - MaxListedEvents} more"));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"BT\n/F1 16 Tf\n72 740 Td\n({Escape($"Case {record.Number} summary")}) Tj\n/F1 10 Tf\n14 TL\nT*\nT*\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(Escape(line)).Append(") Tj\nT*\n");
        }

        text.Append("ET");
        return text.ToString();
    }

    // PDF string literal in WinAnsiEncoding: escape the delimiters, map the en dash seeded names
    // carry to its WinAnsi code (octal 226), replace anything else outside printable ASCII.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '(' or ')' or '\\':
                    escaped.Append('\\').Append(c);
                    break;
                case '\u2013':
                    escaped.Append("\\226");
                    break;
                case >= ' ' and <= '~':
                    escaped.Append(c);
                    break;
                default:
                    escaped.Append('?');
                    break;
            }
        }

        return escaped.ToString();
    }
}
