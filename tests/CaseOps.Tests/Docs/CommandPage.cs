using System.Text.RegularExpressions;

namespace CaseOps.Tests.Docs;

/// <summary>
/// The parts of a PlatyPS 1.0 command page (docs/&lt;Cmdlet&gt;.md) the docs tests look at. A small
/// reader of the schema's fixed headings, so the tests need no PlatyPS.
/// </summary>
public sealed partial class CommandPage
{
    private CommandPage(string fileName, IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> sections,
        IReadOnlyList<PageExample> examples, IReadOnlyDictionary<string, string> parameters)
    {
        FileName = fileName;
        Metadata = metadata;
        Sections = sections;
        Examples = examples;
        Parameters = parameters;
    }

    public string FileName { get; }

    /// <summary>The YAML front matter, key to raw value.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Level-2 sections (SYNOPSIS, DESCRIPTION, ...) and their raw markdown.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; }

    public IReadOnlyList<PageExample> Examples { get; }

    /// <summary>Documented parameters (without the dash) and their description, the text before the yaml block.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public bool IsCommandPage => Metadata.TryGetValue("document type", out var type) && type == "cmdlet";

    public string Title => Metadata.TryGetValue("title", out var title) ? title : Path.GetFileNameWithoutExtension(FileName);

    public string Synopsis => Section("SYNOPSIS");

    public string Description => Section("DESCRIPTION");

    public string Section(string name) => Sections.TryGetValue(name, out var text) ? text.Trim() : string.Empty;

    public static CommandPage Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static CommandPage Parse(string fileName, string markdown)
    {
        var lines = markdown.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            for (start = 1; start < lines.Length && lines[start] != "---"; start++)
            {
                var colon = lines[start].IndexOf(':');
                if (colon > 0)
                    metadata[lines[start][..colon].Trim()] = lines[start][(colon + 1)..].Trim().Trim('\'');
            }
            start++;
        }

        var sections = SplitAtHeadings(lines.Skip(start), "## ");
        var examples = SplitAtHeadings(Lines(sections, "EXAMPLES"), "### ")
            .Select(e => PageExample.Parse(e.Key, e.Value))
            .ToList();
        var parameters = SplitAtHeadings(Lines(sections, "PARAMETERS"), "### ")
            .Where(p => p.Key.StartsWith('-'))
            .ToDictionary(p => p.Key[1..], p => BeforeYaml(p.Value), StringComparer.OrdinalIgnoreCase);
        return new CommandPage(fileName, metadata, sections, examples, parameters);
    }

    private static IEnumerable<string> Lines(IReadOnlyDictionary<string, string> sections, string name) =>
        sections.TryGetValue(name, out var text) ? text.Split('\n') : Array.Empty<string>();

    /// <summary>Splits at headings with the given marker, outside code fences; text before the first heading is dropped.</summary>
    private static Dictionary<string, string> SplitAtHeadings(IEnumerable<string> lines, string marker)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? heading = null;
        var body = new List<string>();
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
                inFence = !inFence;
            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                if (heading != null)
                    result[heading] = string.Join('\n', body);
                heading = line[marker.Length..].Trim();
                body.Clear();
            }
            else
            {
                body.Add(line);
            }
        }
        if (heading != null)
            result[heading] = string.Join('\n', body);
        return result;
    }

    private static string BeforeYaml(string text)
    {
        var yaml = text.IndexOf("```yaml", StringComparison.Ordinal);
        return (yaml >= 0 ? text[..yaml] : text).Trim();
    }

    /// <summary>Collapses every run of whitespace to one space, as MAML paragraphs and Get-Help lose line breaks.</summary>
    public static string Normalize(string? text) => Whitespace().Replace(text ?? string.Empty, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>One example: its title, its fenced code blocks and the prose around them.</summary>
public sealed partial class PageExample
{
    private PageExample(string title, IReadOnlyList<string> code, string remarks)
    {
        Title = title;
        Code = code;
        Remarks = remarks;
    }

    public string Title { get; }
    public IReadOnlyList<string> Code { get; }
    public string Remarks { get; }

    public static PageExample Parse(string title, string body)
    {
        var code = Fence().Matches(body).Select(m => m.Groups["code"].Value).ToList();
        var remarks = Fence().Replace(body, "\n").Trim();
        return new PageExample(title, code, remarks);
    }

    [GeneratedRegex(@"^```[\w-]*[ \t]*\n(?<code>[\s\S]*?)\n```[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Fence();
}
