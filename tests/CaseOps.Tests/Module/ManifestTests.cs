using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>The staged module is a valid module that exports exactly what its manifest lists.</summary>
public sealed class ManifestTests
{
    private static IReadOnlyList<object> Invoke(string script)
    {
        using var ps = PowerShell.Create(InitialSessionState.CreateDefault2());
        ps.AddScript(script).AddParameter("path", RepoPaths.StagedManifest);
        var output = ps.Invoke();
        if (ps.HadErrors)
            throw new Xunit.Sdk.XunitException(string.Join(Environment.NewLine, ps.Streams.Error.Select(e => e.ToString())));
        return output.Select(o => o.BaseObject).ToList();
    }

    [Fact]
    public void Staged_manifest_passes_Test_ModuleManifest()
    {
        var module = Assert.IsType<PSModuleInfo>(Invoke("param($path) Test-ModuleManifest -Path $path").Single());

        Assert.Equal("CaseOps", module.Name);
        Assert.Equal(new Version(0, 1, 0), module.Version);
        Assert.Contains("Core", module.CompatiblePSEditions);
        Assert.Contains("Desktop", module.CompatiblePSEditions);
    }

    [Fact]
    public void Import_exports_exactly_the_cmdlets_the_manifest_lists_without_wildcards()
    {
        var manifest = (System.Collections.Hashtable)Invoke(
            "param($path) [System.Management.Automation.Language.Parser]::ParseFile($path, [ref]$null, [ref]$null).Find({ $args[0] -is [System.Management.Automation.Language.HashtableAst] }, $false).SafeGetValue()").Single();
        var listed = ((object[])manifest["CmdletsToExport"]!).Cast<string>().OrderBy(n => n).ToList();
        Assert.DoesNotContain(listed, n => n.Contains('*'));
        Assert.Empty((object[])manifest["FunctionsToExport"]!);
        Assert.Empty((object[])manifest["AliasesToExport"]!);

        var exported = Invoke("param($path) (Import-Module $path -PassThru).ExportedCmdlets.Keys").Cast<string>().OrderBy(n => n).ToList();
        var compiled = typeof(CaseOps.Cmdlets.Common.CaseOpsCmdlet).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().SingleOrDefault())
            .Where(a => a != null).Select(a => a!.VerbName + "-" + a.NounName).OrderBy(n => n).ToList();

        Assert.Equal(listed, exported);
        Assert.Equal(compiled, listed); // a cmdlet missing from the manifest is a cmdlet users cannot call
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type_and_every_change_supports_WhatIf()
    {
        foreach (var type in typeof(CaseOps.Cmdlets.Common.CaseOpsCmdlet).Assembly.GetTypes())
        {
            var cmdlet = type.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().SingleOrDefault();
            if (cmdlet == null)
                continue;
            Assert.True(type.GetCustomAttributes(typeof(OutputTypeAttribute), false).Length > 0, type.Name + " has no [OutputType]");
            var changes = cmdlet.VerbName is "New" or "Set" or "Remove" or "Add" or "Merge" or "Rename";
            Assert.True(!changes || cmdlet.SupportsShouldProcess, type.Name + " changes data without -WhatIf");
            // Detaching a tag or a link from a ticket, or an event from a case, deletes nothing and Add-* undoes it, so they do not prompt.
            var detaches = type == typeof(CaseOps.Cmdlets.Tags.RemoveTicketTagCommand) || type == typeof(CaseOps.Cmdlets.FileEvents.RemoveCaseFileEventCommand)
                || type == typeof(CaseOps.Cmdlets.Links.RemoveTicketLinkCommand);
            if (cmdlet.VerbName is "Remove" or "Merge" && !detaches)
                Assert.Equal(ConfirmImpact.High, cmdlet.ConfirmImpact);
        }
    }

    [Fact]
    public void Case_and_user_objects_get_their_table_views()
    {
        var formatFile = Path.Combine(RepoPaths.StagedModuleDirectory, "CaseOps.format.ps1xml");
        _ = new FormatTable(new[] { formatFile }); // throws when PowerShell cannot load the file

        var view = System.Xml.Linq.XDocument.Load(formatFile).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "CaseOps.Incydr.Models.Case");
        var headers = view.Descendants("TableColumnHeader").ToList();
        Assert.Equal(new[] { "Number", "Status", "Updated", "Assignee", "Subject", "Name" }, headers.Select(h => h.Element("Label")!.Value));
        // Name comes last without a width, so it gets whatever the console leaves (Pester renders it: tests/Users.Tests.ps1).
        Assert.Null(headers[^1].Element("Width"));
        var user = System.Xml.Linq.XDocument.Load(formatFile).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "CaseOps.Incydr.Models.IncydrUser");
        Assert.Equal(new[] { "UserId", "Username", "Active", "Blocked", "Name" }, user.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value));
    }
}
