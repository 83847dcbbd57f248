using System.Management.Automation;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.FileEvents;

/// <summary>
/// Save-CaseFileEventSource checks what it saves against the event's sizeInBytes and sha256
/// (docs/architecture.md, "Downloads"): a body cut short behind a matching Content-Length, or one
/// whose hash differs, is IntegrityCheckFailed and leaves nothing behind.
/// </summary>
public sealed class VerifiedSourceTests : CmdletTestBase
{
    private const int Cut = 6240;
    private readonly TestFolder _temp = new("verified");

    private string Folder => _temp.Path;

    public VerifiedSourceTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private CaseOps.Sandbox.Incydr.FileEvents.FileEventStore Events => Sandbox.Host.FileEvents;

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }

    private string[] FilesLeft() => Directory.GetFiles(Folder, "*", SearchOption.AllDirectories);

    private int Sent(string suffix) => Sandbox.Host.Requests.Count(e => e.Method == "GET" && e.Path.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>A new case holding <paramref name="count"/> events whose exact file was captured, each with its own file name.</summary>
    private (long Number, string[] Ids) CaseWithExactFiles(int count)
    {
        var ids = Events.PoolIds
            .Where(id => Events.Find(id)!.FileAvailability == CaseOps.Sandbox.Incydr.FileEvents.FileAvailabilities.Exact)
            .GroupBy(id => Events.FileNameOf(id), StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(id => Events.SourceSizeOf(id) > Cut)
            .Take(count).ToArray();
        var number = Session.Run("param($n) (New-Case -Name $n).Number", new() { ["n"] = "Verified " + Guid.NewGuid().ToString("N")[..8] })
            .AssertSuccess().Output.Select(o => (long)o.BaseObject).Single();
        Events.Attach(number, ids);
        Sandbox.Host.Requests.Clear();
        return (number, ids);
    }

    private static Func<Microsoft.AspNetCore.Http.HttpRequest, bool> SourceRoute(long number, string id) =>
        AnswerRewrites.Request("GET", $"/v1/cases/{number}/fileevent/{id}/file");

    [Fact]
    public void A_source_file_cut_short_behind_a_matching_Content_Length_is_IntegrityCheckFailed_and_the_other_events_still_save()
    {
        var (number, ids) = CaseWithExactFiles(3);
        var size = Events.SourceSizeOf(ids[1]);
        Sandbox.Host.Faults.Rewrites.Add(SourceRoute(number, ids[1]), body => body[..(body.Length - Cut)]);

        var result = Session.Run("param($n, $p) $r = @(Get-CaseFileEvent $n | Save-CaseFileEventSource -Path $p -ErrorAction SilentlyContinue); $r",
            new() { ["n"] = number, ["p"] = Folder });

        // SilentlyContinue keeps the error out of the stream; $Error still has it.
        Assert.Empty(result.Errors);
        var error = Assert.IsType<ErrorRecord>(Assert.Single(Session.Run("$Error").Output).BaseObject);
        Assert.Equal("IntegrityCheckFailed,CaseOps.Cmdlets.FileEvents.SaveCaseFileEventSourceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains($"gives the size as {size:N0} bytes, received {size - Cut:N0}", error.ErrorDetails.Message);
        Assert.Contains("sha256", error.ErrorDetails.Message);
        Assert.Contains(ids[1], error.ErrorDetails.Message);
        // The events before and after the broken one are saved whole; the broken one left nothing, not even its temporary file.
        var saved = result.Objects<FileInfo>();
        Assert.Equal(new[] { Events.FileNameOf(ids[0]), Events.FileNameOf(ids[2]) }, saved.Select(f => f.Name));
        foreach (var (id, file) in new[] { ids[0], ids[2] }.Zip(saved))
            Assert.Equal(CaseOps.Sandbox.Incydr.FileEvents.FileEventStore.SourceBytes(id, (int)Events.SourceSizeOf(id)), File.ReadAllBytes(file.FullName));
        Assert.Equal(saved.Select(f => f.FullName).OrderBy(p => p), FilesLeft().OrderBy(p => p));
        Assert.Equal(0, Sandbox.Host.Faults.Rewrites.Pending);
    }

    [Fact]
    public void A_correct_source_file_given_by_ids_is_verified_against_the_events_size_and_sha256()
    {
        var (number, ids) = CaseWithExactFiles(1);

        var result = Session.Run("param($n, $id, $p) Save-CaseFileEventSource -CaseNumber $n -EventId $id -Path $p -Verbose",
            new() { ["n"] = number, ["id"] = ids[0], ["p"] = Folder }).AssertSuccess();

        var file = Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(Events.SourceSizeOf(ids[0]), file.Length);
        Assert.Contains(result.Verbose, line => line.StartsWith("Saved source file to " + file.FullName, StringComparison.Ordinal)
            && line.Contains("verified Content-Length, size, sha256", StringComparison.Ordinal));
        // One read of the event for its size and hash, one download.
        Assert.Equal(1, Sent($"/fileevent/{ids[0]}"));
        Assert.Equal(1, Sent($"/fileevent/{ids[0]}/file"));
    }

    [Fact]
    public void A_body_of_the_right_length_whose_hash_differs_is_caught()
    {
        var (number, ids) = CaseWithExactFiles(1);
        Sandbox.Host.Faults.Rewrites.Add(SourceRoute(number, ids[0]), body =>
        {
            var changed = (byte[])body.Clone();
            changed[changed.Length / 2] ^= 0xFF;
            return changed;
        });

        var result = Session.Run("param($n, $id, $p) Save-CaseFileEventSource $n $id $p", new() { ["n"] = number, ["id"] = ids[0], ["p"] = Folder });

        var error = Assert.Single(result.Errors);
        Assert.Equal("IntegrityCheckFailed,CaseOps.Cmdlets.FileEvents.SaveCaseFileEventSourceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("gives the sha256 as", error.ErrorDetails.Message);
        Assert.DoesNotContain("gives the size", error.ErrorDetails.Message);
        Assert.Contains("RECENT_FILE_AVAILABLE", error.ErrorDetails.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public void Without_a_sha256_the_md5_is_checked()
    {
        var (number, ids) = CaseWithExactFiles(1);
        Sandbox.Host.Faults.Rewrites.AddJson(AnswerRewrites.Request("GET", $"/v1/cases/{number}/fileevent/{ids[0]}"), json =>
        {
            json!["file"]!["hash"]!["sha256"] = null;
            return json;
        });

        var result = Session.Run("param($n, $id, $p) Save-CaseFileEventSource $n $id $p -Verbose", new() { ["n"] = number, ["id"] = ids[0], ["p"] = Folder }).AssertSuccess();

        Assert.Contains(result.Verbose, line => line.Contains("verified Content-Length, size, md5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recent_version_is_checked_against_its_Content_Length_only_without_reading_the_event()
    {
        var id = Events.PoolIds.First(i => Events.Find(i)!.FileAvailability == CaseOps.Sandbox.Incydr.FileEvents.FileAvailabilities.Recent);
        var number = Session.Run("param($n) (New-Case -Name $n).Number", new() { ["n"] = "Recent " + Guid.NewGuid().ToString("N")[..8] })
            .AssertSuccess().Output.Select(o => (long)o.BaseObject).Single();
        Events.Attach(number, id);
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("param($n, $p) Get-CaseFileEvent $n | Save-CaseFileEventSource -Path $p -Verbose", new() { ["n"] = number, ["p"] = Folder }).AssertSuccess();

        Assert.Single(result.Objects<FileInfo>());
        Assert.Contains(result.Verbose, line => line.StartsWith("Saved source file", StringComparison.Ordinal) && line.Contains("verified Content-Length)", StringComparison.Ordinal));
        Assert.Equal(0, Sent($"/fileevent/{id}"));
    }
}
