using System.Reflection;
using System.Text.RegularExpressions;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Docs;

/// <summary>
/// The about_CaseOps topic: docs/about_CaseOps.md is its source, module/en-US/about_CaseOps.help.txt
/// the file that ships (tools/Build-Docs.ps1 writes it; PlatyPS 1.0 has no about-topic export), and
/// the build stages it beside the module's other help. tests/AboutHelp.Tests.ps1 reads it through Get-Help.
/// </summary>
public sealed partial class AboutTopicTests
{
    private static readonly string Page = Path.Combine(RepoPaths.Root, "docs", "about_CaseOps.md");
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "module", "en-US", "about_CaseOps.help.txt");
    private static readonly string Staged = Path.Combine(RepoPaths.StagedModuleDirectory, "en-US", "about_CaseOps.help.txt");

    [Fact]
    public void The_build_stages_the_shipped_topic_beside_the_command_help()
    {
        Assert.True(File.Exists(Staged), Staged + " is missing: the build does not stage the about topic.");
        Assert.True(File.Exists(Path.Combine(RepoPaths.StagedModuleDirectory, "en-US", "CaseOps.dll-Help.xml")));
        Assert.Equal(File.ReadAllText(Shipped), File.ReadAllText(Staged));
    }

    [Fact]
    public void The_shipped_topic_says_what_the_page_says_word_for_word()
    {
        var page = Words(Body(File.ReadAllText(Page)));
        var shipped = Words(File.ReadAllText(Shipped));

        Assert.Equal("TOPIC", shipped.FirstOrDefault());
        Assert.True(page.SequenceEqual(shipped.Skip(1)),
            "module/en-US/about_CaseOps.help.txt differs from docs/about_CaseOps.md: run ./tools/Build-Docs.ps1. First difference at word "
            + page.Zip(shipped.Skip(1)).TakeWhile(p => p.First == p.Second).Count());
    }

    [Fact]
    public void The_shipped_topic_fits_a_console_and_any_code_page()
    {
        var lines = File.ReadAllText(Shipped).Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"longer than 80 columns: {line}"));
        Assert.All(lines, line => Assert.True(line.All(c => c is >= ' ' and <= '~'), $"not printable ASCII: {line}"));
    }

    [Fact]
    public void The_topic_names_every_environment_variable_a_connection_is_made_from()
    {
        var variables = typeof(CaseOps.Http.ApiClient).Assembly.GetType("CaseOps.Connections.EnvironmentConnections", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Variable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var text = File.ReadAllText(Shipped);

        Assert.Equal(5, variables.Length);
        Assert.All(variables, variable => Assert.Contains(variable, text, StringComparison.Ordinal));
    }

    /// <summary>The page without its front matter.</summary>
    private static string Body(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return text;
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 5)..];
    }

    /// <summary>The words of a text, markdown marks (headings, code spans) left out.</summary>
    private static string[] Words(string text) =>
        WordSplit().Split(text.Replace("`", string.Empty)).Where(w => w.Length > 0 && !HeadingMark().IsMatch(w)).ToArray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordSplit();

    [GeneratedRegex("^#+$")]
    private static partial Regex HeadingMark();
}
