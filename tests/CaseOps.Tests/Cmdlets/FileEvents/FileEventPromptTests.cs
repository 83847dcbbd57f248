using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.FileEvents;

/// <summary>
/// What -WhatIf and -Confirm of Add- and Remove-CaseFileEvent say (docs/architecture.md, "Prompts"):
/// the case by number and name, each event by id and file name where the piped object has one, and
/// that nothing is written. The text is read from the host, where PowerShell writes it.
/// </summary>
public sealed class FileEventPromptTests : CmdletTestBase
{
    private readonly PromptRecordingHost _host = new();
    private readonly PowerShellSession _prompted;

    public FileEventPromptTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
        _prompted = new PowerShellSession(_host);
        _prompted.ConnectIncydr(sandbox.Host).AssertSuccess();
    }

    private CaseOps.Sandbox.Incydr.FileEvents.FileEventStore Events => Sandbox.Host.FileEvents;

    private Case NewCase(string name) =>
        _prompted.Run("param($n) New-Case -Name $n", new() { ["n"] = name + " " + Guid.NewGuid().ToString("N")[..6] }).AssertSuccess().Objects<Case>().Single();

    private string[] UnattachedIds(int count) =>
        Events.PoolIds.Where(id => Sandbox.Host.Cases.Snapshot().All(c => !Events.IsOnCase(c.Number, id))).Take(count).ToArray();

    /// <summary>Runs <paramref name="script"/> with a clean request log and host; returns the host's lines.</summary>
    private IReadOnlyList<string> Run(string script, Dictionary<string, object?> parameters)
    {
        Sandbox.Host.Requests.Clear();
        _host.Clear();
        _prompted.Run(script, parameters).AssertSuccess();
        return _host.Lines;
    }

    private int CaseReads(long number) => Sandbox.Host.Requests.Count(e => e.Method == "GET" && e.Path == $"/v1/cases/{number}");

    private int Writes => Sandbox.Host.Requests.Count(e => e.Method is "POST" or "DELETE" && e.Path.Contains("/fileevent", StringComparison.Ordinal));

    private static string WhatIf(string operation, string target) => $"What if: Performing the operation \"{operation}\" on target \"{target}\".";

    [Fact]
    public void Add_WhatIf_names_the_case_read_once_and_each_event_and_attaches_nothing()
    {
        var target = NewCase("Laptop USB copy");
        var ids = UnattachedIds(2);

        var lines = Run("param($n, $ids) $ids | Add-CaseFileEvent -CaseNumber $n -WhatIf", new() { ["n"] = target.Number, ["ids"] = ids });

        var named = $"Case {target.Number} '{target.Name}'";
        Assert.Equal(ids.Select(id => WhatIf($"Attach file event {id}", named)), lines);
        Assert.Equal(1, CaseReads(target.Number));
        Assert.Equal(0, Writes);
        Assert.Empty(Events.EventsOf(target.Number));
    }

    [Fact]
    public void Add_WhatIf_of_piped_events_names_their_files()
    {
        var source = NewCase("Source");
        var target = NewCase("Target");
        var ids = UnattachedIds(2);
        Events.Attach(source.Number, ids);

        var lines = Run("param($from, $to) Get-CaseFileEvent $from | Add-CaseFileEvent -CaseNumber $to -WhatIf", new() { ["from"] = source.Number, ["to"] = target.Number });

        var named = $"Case {target.Number} '{target.Name}'";
        Assert.Equal(ids.Select(id => WhatIf($"Attach file event {id} '{Events.FileNameOf(id)}'", named)), lines);
        Assert.Equal(0, Writes);
        Assert.Empty(Events.EventsOf(target.Number));
    }

    [Fact]
    public void Remove_WhatIf_of_a_piped_case_names_it_without_reading_it_again()
    {
        var target = NewCase("Piped case");
        var id = UnattachedIds(1)[0];
        Events.Attach(target.Number, id);

        var lines = Run("param($n, $id) Get-Case -Number $n | Remove-CaseFileEvent -EventId $id -WhatIf", new() { ["n"] = target.Number, ["id"] = id });

        Assert.Equal([WhatIf($"Detach file event {id}", $"Case {target.Number} '{target.Name}'")], lines);
        Assert.Equal(1, CaseReads(target.Number)); // Get-Case's own read
        Assert.Equal(0, Writes);
        Assert.Equal([id], Events.EventsOf(target.Number));
    }

    [Fact]
    public void Remove_WhatIf_of_piped_events_names_the_case_and_the_files()
    {
        var target = NewCase("Remove plan");
        var ids = UnattachedIds(3);
        Events.Attach(target.Number, ids);

        var lines = Run("param($n) Get-CaseFileEvent $n | Remove-CaseFileEvent -WhatIf", new() { ["n"] = target.Number });

        var named = $"Case {target.Number} '{target.Name}'";
        Assert.Equal(ids.Select(id => WhatIf($"Detach file event {id} '{Events.FileNameOf(id)}'", named)), lines);
        Assert.Equal(1, CaseReads(target.Number));
        Assert.Equal(0, Writes);
        Assert.Equal(ids, Events.EventsOf(target.Number));
    }

    [Fact]
    public void Confirm_asks_with_the_same_names_and_No_detaches_nothing()
    {
        var target = NewCase("Confirm me");
        var id = UnattachedIds(1)[0];
        Events.Attach(target.Number, id);

        Run("param($n, $id) Remove-CaseFileEvent -CaseNumber $n -EventId $id -Confirm", new() { ["n"] = target.Number, ["id"] = id });

        var prompt = Assert.Single(_host.Questions);
        Assert.EndsWith($"Performing the operation \"Detach file event {id}\" on target \"Case {target.Number} '{target.Name}'\".", prompt);
        Assert.Equal(0, Writes);
        Assert.Equal([id], Events.EventsOf(target.Number));
    }

    [Fact]
    public void Without_a_prompt_the_case_is_not_read_for_its_name()
    {
        var target = NewCase("No prompt");
        var ids = UnattachedIds(2);

        var lines = Run("param($n, $ids) Add-CaseFileEvent -CaseNumber $n -EventId $ids; Remove-CaseFileEvent -CaseNumber $n -EventId $ids[0]",
            new() { ["n"] = target.Number, ["ids"] = ids });

        Assert.Empty(lines);
        Assert.Equal(0, CaseReads(target.Number));
        Assert.Equal([ids[1]], Events.EventsOf(target.Number));
    }

    [Fact]
    public void An_unreadable_case_is_named_by_number_and_the_change_reports_it()
    {
        var result = _prompted.Run("Remove-CaseFileEvent -CaseNumber 987654 -EventId some-event -WhatIf");
        Assert.Empty(result.Errors);
        Assert.Contains(WhatIf("Detach file event some-event", "Case 987654"), _host.Lines);

        var real = _prompted.Run("Remove-CaseFileEvent -CaseNumber 987654 -EventId some-event -Confirm:$false");
        Assert.Equal("FileEventNotFound,CaseOps.Cmdlets.FileEvents.RemoveCaseFileEventCommand", real.FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIf_of_Remove_needs_no_connection_and_names_the_case_by_number()
    {
        var host = new PromptRecordingHost();
        using var unconnected = new PowerShellSession(host);
        Sandbox.Host.Requests.Clear();

        unconnected.Run("Remove-CaseFileEvent -CaseNumber 42 -EventId some-event -WhatIf").AssertSuccess();

        Assert.Equal([WhatIf("Detach file event some-event", "Case 42")], host.Lines);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    public override void Dispose()
    {
        _prompted.Dispose();
        base.Dispose();
    }
}
