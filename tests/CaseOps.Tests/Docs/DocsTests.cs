using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Docs;

/// <summary>
/// The help a user gets: a docs/&lt;Cmdlet&gt;.md page for every exported cmdlet that documents exactly
/// its parameters, a MAML file built from those pages (not from older ones), and Get-Help showing it
/// from the staged module. When one fails after a cmdlet changed, run <c>./tools/Build-Docs.ps1</c>
/// (or <c>build.ps1 -Task Docs</c>), fill in what it reports, and commit docs/ and module/en-US/.
/// </summary>
public sealed class DocsTests : IClassFixture<DocsFixture>
{
    private const string Rebuild = "Run ./tools/Build-Docs.ps1 and commit docs/ and module/en-US/.";
    private readonly DocsFixture _docs;

    public DocsTests(DocsFixture docs) => _docs = docs;

    public static TheoryData<string> ExportedCmdlets() => new(DocsFixture.ExportedCmdletNames());

    [Fact]
    public void The_module_exports_cmdlets_to_document()
    {
        Assert.Contains("Get-Case", _docs.Cmdlets.Keys);
        Assert.True(_docs.Cmdlets["Get-Case"].Contains("First"), "SupportsPaging parameters are listed through Get-Command");
        Assert.DoesNotContain("Verbose", _docs.Cmdlets["Get-Case"]);
    }

    // ---- (a) the markdown pages ----------------------------------------------------------------

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Every_exported_cmdlet_has_a_complete_page(string cmdlet)
    {
        var page = _docs.Page(cmdlet);
        var problems = new List<string>();

        if (page.Title != cmdlet)
            problems.Add($"its title is '{page.Title}'");
        if (!page.Metadata.TryGetValue("external help file", out var helpFile) || helpFile != "CaseOps.dll-Help.xml")
            problems.Add("its 'external help file' is not CaseOps.dll-Help.xml");
        CheckText(problems, "the synopsis", page.Synopsis);
        CheckText(problems, "the description", page.Description);
        if (page.Examples.Count < 2)
            problems.Add($"it has {page.Examples.Count} example(s), fewer than two");
        foreach (var example in page.Examples)
        {
            if (example.Code.Count == 0 || example.Code.Any(string.IsNullOrWhiteSpace))
                problems.Add($"'{example.Title}' has no code block");
            CheckText(problems, $"the explanation of '{example.Title}'", example.Remarks);
        }
        CheckText(problems, "INPUTS", page.Section("INPUTS"));
        CheckText(problems, "OUTPUTS", page.Section("OUTPUTS"));

        var actual = _docs.Cmdlets[cmdlet];
        foreach (var missing in actual.Where(p => !page.Parameters.ContainsKey(p)))
            problems.Add($"-{missing} has no section");
        foreach (var stale in page.Parameters.Keys.Where(p => !actual.Contains(p)))
            problems.Add($"it documents -{stale}, which {cmdlet} does not have");
        foreach (var (name, text) in page.Parameters.Where(p => actual.Contains(p.Key)))
            CheckText(problems, $"the description of -{name}", text);

        Assert.True(problems.Count == 0, $"docs/{cmdlet}.md: {string.Join("; ", problems)}. {Rebuild}");
    }

    [Fact]
    public void No_page_documents_a_cmdlet_the_module_does_not_export()
    {
        var stale = _docs.Pages.Values.Where(p => p.IsCommandPage && !_docs.Cmdlets.ContainsKey(p.Title)).Select(p => p.FileName).ToList();

        Assert.True(stale.Count == 0, $"Pages for commands CaseOps does not export: {string.Join(", ", stale)}. Delete or rename them.");
    }

    [Fact]
    public void Examples_hold_no_secret_in_plain_text()
    {
        // Secrets come from Get-Credential, a secret store or Get-AutomationPSCredential; the only
        // literal allowed is the emulator's demo secret.
        var offenders = new List<string>();
        foreach (var page in _docs.Pages.Values)
        {
            foreach (var line in page.Examples.SelectMany(e => e.Code).SelectMany(c => c.Split('\n')))
            {
                var literalSecret = Regex.IsMatch(line, @"-AsPlainText|CLIENT_SECRET\s*=|[Ss]ecret\s*=\s*['""]")
                    && !line.Contains("caseops-demo-secret", StringComparison.Ordinal);
                if (literalSecret)
                    offenders.Add($"{page.FileName}: {line.Trim()}");
            }
        }

        Assert.True(offenders.Count == 0, "Plain-text secrets in examples:\n" + string.Join('\n', offenders));
    }

    // ---- (b) the MAML file is built from these pages ------------------------------------------

    [Fact]
    public void The_MAML_documents_exactly_the_exported_cmdlets()
    {
        var inMaml = _docs.Maml.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = _docs.Cmdlets.Keys.Where(c => !inMaml.Contains(c)).ToList();
        var extra = inMaml.Where(c => !_docs.Cmdlets.ContainsKey(c)).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"module/en-US/CaseOps.dll-Help.xml lacks [{string.Join(", ", missing)}] and has extra [{string.Join(", ", extra)}]. {Rebuild}");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void The_MAML_of_each_cmdlet_matches_its_page(string cmdlet)
    {
        var page = _docs.Page(cmdlet);
        Assert.True(_docs.Maml.TryGetValue(cmdlet, out var maml), $"{cmdlet} is not in the MAML. {Rebuild}");
        var problems = new List<string>();

        Compare(problems, "synopsis", page.Synopsis, maml.Synopsis);
        Compare(problems, "description", page.Description, maml.Description);
        foreach (var parameter in _docs.Cmdlets[cmdlet])
        {
            if (!maml.Parameters.TryGetValue(parameter, out var described))
                problems.Add($"-{parameter} is missing");
            else
                Compare(problems, $"-{parameter}", page.Parameters.GetValueOrDefault(parameter), described);
        }
        foreach (var extra in maml.Parameters.Keys.Where(p => !_docs.Cmdlets[cmdlet].Contains(p)))
            problems.Add($"-{extra} is documented but does not exist");

        if (maml.Examples.Count != page.Examples.Count)
        {
            problems.Add($"{maml.Examples.Count} examples instead of {page.Examples.Count}");
        }
        else
        {
            for (var i = 0; i < page.Examples.Count; i++)
            {
                var (title, code, remarks) = maml.Examples[i];
                if (!title.Contains(page.Examples[i].Title, StringComparison.Ordinal))
                    problems.Add($"example {i + 1} is titled '{title}'");
                Compare(problems, $"the code of example {i + 1}", string.Join("\n\n", page.Examples[i].Code), code);
                Compare(problems, $"the explanation of example {i + 1}", page.Examples[i].Remarks, remarks);
            }
        }

        Assert.True(problems.Count == 0, $"module/en-US/CaseOps.dll-Help.xml is older than docs/{cmdlet}.md: {string.Join("; ", problems)}. {Rebuild}");
    }

    // ---- (c) Get-Help shows it from the staged module ------------------------------------------

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Get_Help_shows_the_page(string cmdlet)
    {
        var page = _docs.Page(cmdlet);
        var help = _docs.GetHelp(cmdlet);
        var problems = new List<string>();

        // Without MAML, Get-Help makes up a synopsis from the syntax and has no description.
        Compare(problems, "synopsis", page.Synopsis, help.Synopsis);
        Compare(problems, "description", page.Description, help.Description);
        if (help.ExampleCount != page.Examples.Count)
            problems.Add($"{help.ExampleCount} examples instead of {page.Examples.Count}");
        foreach (var parameter in _docs.Cmdlets[cmdlet])
        {
            if (!help.Parameters.TryGetValue(parameter, out var described))
                problems.Add($"-{parameter} is missing");
            else
                Compare(problems, $"-{parameter}", page.Parameters.GetValueOrDefault(parameter), described);
        }

        Assert.True(problems.Count == 0,
            $"Get-Help {cmdlet} in a session with the staged module (artifacts/module/CaseOps, help in en-US/CaseOps.dll-Help.xml) " +
            $"does not show docs/{cmdlet}.md: {string.Join("; ", problems)}. {Rebuild} Then build src/CaseOps to stage it.");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void CheckText(List<string> problems, string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            problems.Add($"{what} is empty");
        else if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("FILL IN", StringComparison.Ordinal))
            problems.Add($"{what} is still a PlatyPS placeholder");
    }

    private static void Compare(List<string> problems, string what, string? fromPage, string? fromMaml)
    {
        var expected = CommandPage.Normalize(fromPage);
        var actual = CommandPage.Normalize(fromMaml);
        if (expected != actual)
            problems.Add($"{what} differs (page: \"{Clip(expected)}\", help: \"{Clip(actual)}\")");
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>
/// Reads everything once: the cmdlets the staged module exports (through Get-Command in a hosted
/// runspace), the pages in docs/, and module/en-US/CaseOps.dll-Help.xml.
/// </summary>
public sealed class DocsFixture : IDisposable
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly Lazy<IReadOnlyList<string>> ManifestCmdlets = new(ReadManifestCmdlets);

    private readonly Runspace _runspace;

    public DocsFixture()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke(ps => ps.AddCommand("Import-Module").AddParameter("Name", RepoPaths.StagedManifest).AddParameter("ErrorAction", "Stop"));

        var cmdlets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ExportedCmdletNames())
        {
            var command = (CommandInfo)Invoke(ps => ps.AddCommand("Get-Command").AddParameter("Name", name).AddParameter("Module", "CaseOps")).Single().BaseObject;
            // Hidden (DontShow) parameters only carry pipeline objects; help leaves them out, as PowerShell does.
            cmdlets[name] = command.Parameters.Values
                .Where(p => !Cmdlet.CommonParameters.Contains(p.Name) && !p.Attributes.OfType<ParameterAttribute>().All(a => a.DontShow))
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        Cmdlets = cmdlets;

        Pages = Directory.EnumerateFiles(DocsDirectory, "*.md")
            .Select(CommandPage.Load)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p.FileName), StringComparer.OrdinalIgnoreCase);
        Maml = ReadMaml(MamlPath);
    }

    public static string DocsDirectory => Path.Combine(RepoPaths.Root, "docs");

    public static string MamlPath => Path.Combine(RepoPaths.Root, "module", "en-US", "CaseOps.dll-Help.xml");

    /// <summary>Exported cmdlet name to its parameters, common parameters left out (WhatIf and Confirm stay).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Cmdlets { get; }

    public IReadOnlyDictionary<string, CommandPage> Pages { get; }

    public IReadOnlyDictionary<string, MamlCommand> Maml { get; }

    public CommandPage Page(string cmdlet) =>
        Pages.TryGetValue(cmdlet, out var page) ? page : throw new Xunit.Sdk.XunitException($"docs/{cmdlet}.md is missing. Run ./tools/Build-Docs.ps1 to create it, then fill it in.");

    /// <summary>What <c>Get-Help &lt;cmdlet&gt; -Full</c> returns in the hosted runspace, reduced to its texts.</summary>
    public HelpText GetHelp(string cmdlet)
    {
        var help = Invoke(ps => ps.AddCommand("Get-Help").AddParameter("Name", cmdlet).AddParameter("Full")).Single();
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Items(Property(Property(help, "parameters"), "parameter")))
            parameters[Text(Property(parameter, "name"))] = Texts(Property(parameter, "description"));
        return new HelpText(
            Text(Property(help, "Synopsis")),
            Texts(Property(help, "description")),
            Items(Property(Property(help, "examples"), "example")).Count(),
            parameters);
    }

    /// <summary>The cmdlets the staged manifest exports, for theory data (before any fixture exists).</summary>
    public static IReadOnlyList<string> ExportedCmdletNames() => ManifestCmdlets.Value;

    private static IReadOnlyList<string> ReadManifestCmdlets()
    {
        using var ps = PowerShell.Create(InitialSessionState.CreateDefault2());
        ps.AddCommand("Import-Module").AddParameter("Name", RepoPaths.StagedManifest).AddParameter("PassThru").AddParameter("ErrorAction", "Stop");
        var module = (PSModuleInfo)ps.Invoke().Single().BaseObject;
        return module.ExportedCmdlets.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, MamlCommand> ReadMaml(string path)
    {
        var result = new Dictionary<string, MamlCommand>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
            return result;
        foreach (var command in XDocument.Load(path).Root!.Elements(Command + "command"))
        {
            var details = command.Element(Command + "details")!;
            var name = details.Element(Command + "name")!.Value.Trim();
            var parameters = (command.Element(Command + "parameters")?.Elements(Command + "parameter") ?? Enumerable.Empty<XElement>())
                .ToDictionary(p => p.Element(MamlNs + "name")!.Value.Trim(), p => Paras(p.Element(MamlNs + "description")), StringComparer.OrdinalIgnoreCase);
            var examples = (command.Element(Command + "examples")?.Elements(Command + "example") ?? Enumerable.Empty<XElement>())
                .Select(e => (e.Element(MamlNs + "title")?.Value ?? string.Empty, e.Element(Dev + "code")?.Value ?? string.Empty, Paras(e.Element(Dev + "remarks"))))
                .ToList();
            result[name] = new MamlCommand(Paras(details.Element(MamlNs + "description")), Paras(command.Element(MamlNs + "description")), parameters, examples);
        }
        return result;
    }

    private static string Paras(XElement? element) =>
        element == null ? string.Empty : string.Join("\n\n", element.Elements(MamlNs + "para").Select(p => p.Value));

    private IReadOnlyList<PSObject> Invoke(Action<PowerShell> build)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        build(ps);
        var output = ps.Invoke();
        if (ps.HadErrors)
            throw new Xunit.Sdk.XunitException(string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
        return output;
    }

    private static object? Property(object? value, string name) =>
        value is PSObject ps ? ps.Properties[name]?.Value : null;

    private static IEnumerable<object> Items(object? value) => value switch
    {
        null => Enumerable.Empty<object>(),
        PSObject { BaseObject: object[] array } => array,
        object[] array => array,
        _ => new[] { value },
    };

    /// <summary>Help texts come as arrays of objects with a Text property, one per paragraph.</summary>
    private static string Texts(object? value) =>
        string.Join("\n\n", Items(value).Select(t => Text(Property(t, "Text"))));

    private static string Text(object? value) => (value is PSObject ps ? ps.BaseObject : value) as string ?? string.Empty;

    public void Dispose() => _runspace.Dispose();
}

public sealed record MamlCommand(
    string Synopsis,
    string Description,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<(string Title, string Code, string Remarks)> Examples);

public sealed record HelpText(string Synopsis, string Description, int ExampleCount, IReadOnlyDictionary<string, string> Parameters);
