using System.IO.Compression;
using System.Management.Automation;
using System.Text;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.FileEvents;

/// <summary>Export-CaseSummary, Export-CaseFileEvent, Export-Case and Save-CaseFileEventSource: files on disk.</summary>
public sealed class DownloadTests : CmdletTestBase
{
    private readonly TestFolder _temp = new("downloads");

    private string Folder => _temp.Path;

    public DownloadTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private CaseOps.Sandbox.Incydr.FileEvents.FileEventStore Events => Sandbox.Host.FileEvents;

    private int Downloads => Sandbox.Host.Requests.Count(e => e.Method == "GET" && (e.Path.EndsWith("/export") || e.Path.EndsWith("/export/full") || e.Path.EndsWith("/file")));

    private long CaseWithEvents(int atLeast, bool withSource = false) =>
        Sandbox.Host.Cases.Snapshot().First(c => Events.EventsOf(c.Number).Count >= atLeast
            && (!withSource || Events.EventsOf(c.Number).Any(Events.HasSourceFile))).Number;

    private FileInfo Single(ScriptResult result) => Assert.IsType<FileInfo>(Assert.Single(result.AssertSuccess().Output).BaseObject);

    private string[] LeftoverPartials() => Directory.GetFiles(Folder, "*.partial", SearchOption.AllDirectories);

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void The_summary_is_a_PDF_named_by_the_server()
    {
        var number = CaseWithEvents(1);

        var file = Single(Session.Run("param($n, $p) Export-CaseSummary -CaseNumber $n -Path $p", new() { ["n"] = number, ["p"] = Folder }));

        Assert.Equal(Path.Combine(Folder, $"Case-{number}-summary.pdf"), file.FullName);
        var bytes = File.ReadAllBytes(file.FullName);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(bytes).TrimEnd());
        Assert.Empty(LeftoverPartials());
    }

    [Fact]
    public void The_event_list_is_a_CSV_with_a_header_row_at_the_named_path()
    {
        var number = CaseWithEvents(3);
        var target = Path.Combine(Folder, "events.csv");

        var file = Single(Session.Run("param($n, $p) Get-Case -Number $n | Export-CaseFileEvent -Path $p", new() { ["n"] = number, ["p"] = target }));

        Assert.Equal(target, file.FullName);
        var lines = File.ReadAllLines(target).Where(l => l.Length > 0).ToArray();
        Assert.StartsWith("eventId,", lines[0]);
        Assert.Equal(Events.EventsOf(number).Count, lines.Length - 1);
        Assert.All(Events.EventsOf(number), id => Assert.Contains(lines, l => l.StartsWith(id + ",") || l.StartsWith("\"" + id + "\",")));
    }

    [Theory]
    [InlineData("", true, true, true)]
    [InlineData("-ExcludeFiles", true, true, false)]
    [InlineData("-ExcludeSummary -ExcludeFiles", false, true, false)]
    [InlineData("-ExcludeSummary -ExcludeFileEvents", false, false, true)]
    public void The_case_ZIP_holds_what_the_switches_ask_for(string switches, bool summary, bool events, bool files)
    {
        var number = CaseWithEvents(2, withSource: true);
        var withFiles = Events.EventsOf(number).Where(Events.HasSourceFile).ToList();

        var file = Single(Session.Run($"param($n, $p) Export-Case -CaseNumber $n -Path $p {switches}", new() { ["n"] = number, ["p"] = Folder }));

        using var zip = ZipFile.OpenRead(file.FullName);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(summary, names.Any(n => n.EndsWith(".pdf", StringComparison.Ordinal) && !n.StartsWith("files/", StringComparison.Ordinal)));
        Assert.Equal(events, names.Any(n => n.EndsWith(".csv", StringComparison.Ordinal) && !n.StartsWith("files/", StringComparison.Ordinal)));
        Assert.Equal(files ? withFiles.Count : 0, names.Count(n => n.StartsWith("files/", StringComparison.Ordinal)));
        var query = Sandbox.Host.Requests.Entries.Last(e => e.Path.EndsWith("/export/full")).QueryString;
        Assert.Contains($"summary={summary.ToString().ToLowerInvariant()}", query);
        Assert.Contains($"files={files.ToString().ToLowerInvariant()}", query);
    }

    [Fact]
    public void Excluding_everything_is_refused_before_any_request()
    {
        var result = Session.Run("Export-Case -CaseNumber 1 -Path . -ExcludeSummary -ExcludeFileEvents -ExcludeFiles");

        Assert.Equal("NothingToExport,CaseOps.Cmdlets.FileEvents.ExportCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void Piped_events_save_their_source_files_with_the_servers_names_and_content()
    {
        var number = CaseWithEvents(2, withSource: true);
        var withFiles = Events.EventsOf(number).Where(Events.HasSourceFile).ToList();

        var result = Session.Run("param($n, $p) Get-CaseFileEvent $n | Where-Object FileAvailability -ne NO_FILE_AVAILABLE | Save-CaseFileEventSource -Path $p",
            new() { ["n"] = number, ["p"] = Folder }).AssertSuccess();

        var files = result.Objects<FileInfo>();
        Assert.Equal(withFiles.Count, files.Count);
        foreach (var (id, file) in withFiles.Zip(files))
        {
            Assert.Equal(Events.FileNameOf(id), file.Name);
            var expected = CaseOps.Sandbox.Incydr.FileEvents.FileEventStore.SourceBytes(id, (int)Events.SourceSizeOf(id));
            Assert.Equal(expected, File.ReadAllBytes(file.FullName));
        }
    }

    [Fact]
    public void A_source_file_that_was_not_captured_is_a_clear_error()
    {
        var (number, id) = Sandbox.Host.Cases.Snapshot().SelectMany(c => Events.EventsOf(c.Number).Select(e => (c.Number, e))).First(p => !Events.HasSourceFile(p.e));

        var result = Session.Run("param($n, $id, $p) Save-CaseFileEventSource -CaseNumber $n -EventId $id -Path $p", new() { ["n"] = number, ["id"] = id, ["p"] = Folder });

        Assert.Equal("SourceFileNotCaptured,CaseOps.Cmdlets.FileEvents.SaveCaseFileEventSourceCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("no source file", result.FirstError.ErrorDetails.Message);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public void An_existing_file_is_kept_without_Force_and_replaced_with_it()
    {
        var number = CaseWithEvents(1);
        var target = Path.Combine(Folder, "summary.pdf");
        File.WriteAllText(target, "keep me");

        var refused = Session.Run("param($n, $p) Export-CaseSummary $n -Path $p", new() { ["n"] = number, ["p"] = target });
        Assert.Equal("FileExists,CaseOps.Cmdlets.FileEvents.ExportCaseSummaryCommand", refused.FirstError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, refused.FirstError.CategoryInfo.Category);
        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.Equal(0, Downloads);

        Single(Session.Run("param($n, $p) Export-CaseSummary $n -Path $p -Force", new() { ["n"] = number, ["p"] = target }));
        Assert.StartsWith("%PDF-", File.ReadAllText(target));
        Assert.Empty(LeftoverPartials());
    }

    [Fact]
    public void An_existing_file_under_the_servers_name_is_kept_without_Force()
    {
        var number = CaseWithEvents(1);
        var existing = Path.Combine(Folder, $"Case-{number}-summary.pdf");
        File.WriteAllText(existing, "older report");

        var refused = Session.Run("param($n, $p) Export-CaseSummary $n -Path $p", new() { ["n"] = number, ["p"] = Folder });

        Assert.Equal("FileExists,CaseOps.Cmdlets.FileEvents.ExportCaseSummaryCommand", refused.FirstError.FullyQualifiedErrorId);
        Assert.Equal("older report", File.ReadAllText(existing));
        Assert.Empty(LeftoverPartials());
    }

    [Fact]
    public void A_missing_folder_stops_before_any_download()
    {
        var missing = Path.Combine(Folder, "no-such-folder", "summary.pdf");

        var result = Session.Run("param($p) 1, 2 | Export-CaseSummary -Path $p", new() { ["p"] = missing });

        Assert.Equal("FolderNotFound,CaseOps.Cmdlets.FileEvents.ExportCaseSummaryCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Single(result.Errors);
        Assert.Equal(0, Downloads);
    }

    [Fact]
    public void A_dropped_download_that_keeps_failing_leaves_no_file_and_reports_the_error()
    {
        var number = CaseWithEvents(1, withSource: true);
        var id = Events.EventsOf(number).First(Events.HasSourceFile);
        Events.SetSourceSize(id, 4 * 1024 * 1024);
        Session.Run("param($u, $c) Connect-Incydr -Uri $u -Credential $c -MaxRetries 0",
            new() { ["u"] = Sandbox.Host.IncydrBaseUri.ToString(), ["c"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, Sandbox.Host.Options.ClientSecret) }).AssertSuccess();
        Sandbox.Host.Faults.DropNextDownloads(1, 1024 * 1024);

        var result = Session.Run("param($n, $id, $p) Save-CaseFileEventSource -CaseNumber $n -EventId $id -Path $p", new() { ["n"] = number, ["id"] = id, ["p"] = Folder });

        var error = result.FirstError;
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.FileEvents.SaveCaseFileEventSourceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("broke off", error.Exception.Message);
        Assert.Empty(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_dropped_download_is_retried_into_a_complete_file()
    {
        var number = CaseWithEvents(1, withSource: true);
        var id = Events.EventsOf(number).First(Events.HasSourceFile);
        Events.SetSourceSize(id, 3 * 1024 * 1024 + 17);
        Sandbox.Host.Faults.DropNextDownloads(1, 512 * 1024);

        var file = Single(Session.Run("param($n, $id, $p) Save-CaseFileEventSource -CaseNumber $n -EventId $id -Path $p", new() { ["n"] = number, ["id"] = id, ["p"] = Folder }));

        Assert.Equal(3 * 1024 * 1024 + 17, file.Length);
        Assert.Equal(CaseOps.Sandbox.Incydr.FileEvents.FileEventStore.SourceBytes(id, 3 * 1024 * 1024 + 17), File.ReadAllBytes(file.FullName));
        Assert.Equal(2, Downloads);
        Assert.Empty(LeftoverPartials());
    }

    [Fact]
    public void WhatIf_downloads_nothing()
    {
        var result = Session.Run("param($p) Export-Case -CaseNumber 1 -Path $p -WhatIf", new() { ["p"] = Folder }).AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Equal(0, Downloads);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public void Two_captured_files_with_one_name_are_never_merged_into_one_even_with_Force()
    {
        var pair = Events.PoolIds.Where(Events.HasSourceFile).GroupBy(id => Events.FileNameOf(id)).First(g => g.Count() >= 2).Take(2).ToArray();
        var number = Session.Run("param($n) (New-Case -Name $n).Number", new() { ["n"] = "Same names " + Guid.NewGuid().ToString("N")[..8] }).AssertSuccess().Output.Select(o => (long)o.BaseObject).Single();
        Events.Attach(number, pair);

        var result = Session.Run("param($n, $p) Get-CaseFileEvent $n | Save-CaseFileEventSource -Path $p -Force", new() { ["n"] = number, ["p"] = Folder });

        Assert.Single(result.Objects<FileInfo>());
        var error = Assert.Single(result.Errors);
        Assert.Equal("FileExists,CaseOps.Cmdlets.FileEvents.SaveCaseFileEventSourceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("saved earlier by this command", error.ErrorDetails.Message);
        Assert.Equal(CaseOps.Sandbox.Incydr.FileEvents.FileEventStore.SourceBytes(pair[0], (int)Events.SourceSizeOf(pair[0])), File.ReadAllBytes(Path.Combine(Folder, Events.FileNameOf(pair[0])!)));
    }

    [Fact]
    public void Positions_are_case_event_path_and_piped_events_export_their_case_once()
    {
        var number = CaseWithEvents(3, withSource: true);
        var id = Events.EventsOf(number).First(Events.HasSourceFile);

        var saved = Single(Session.Run("param($n, $id, $p) Save-CaseFileEventSource $n $id $p", new() { ["n"] = number, ["id"] = id, ["p"] = Folder }));
        var exported = Session.Run("param($n, $p) Get-CaseFileEvent $n | Export-CaseSummary -Path $p", new() { ["n"] = number, ["p"] = Folder }).AssertSuccess();

        Assert.Equal(Events.FileNameOf(id), saved.Name);
        Assert.Single(exported.Objects<FileInfo>());
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.Path.EndsWith("/export")));
    }

    [Fact]
    public void Language_is_passed_to_the_summary_and_the_case_export()
    {
        var number = CaseWithEvents(1);

        Single(Session.Run("param($n, $p) Export-CaseSummary $n -Path $p -Language de", new() { ["n"] = number, ["p"] = Folder }));
        Single(Session.Run("param($n, $p) Export-Case $n -Path $p -Language fr -ExcludeFiles", new() { ["n"] = number, ["p"] = Folder }));

        Assert.Contains("language=de", Sandbox.Host.Requests.Entries.Single(e => e.Path.EndsWith("/export")).QueryString);
        Assert.Contains("language=fr", Sandbox.Host.Requests.Entries.Single(e => e.Path.EndsWith("/export/full")).QueryString);
    }
}
