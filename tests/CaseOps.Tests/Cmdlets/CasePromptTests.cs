using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// What -WhatIf and -Confirm say for New-Case, Set-Case and Remove-Case (docs/architecture.md, "Prompts"): the case by
/// number and name, the fields that change old -> new, and no write request.
/// </summary>
public sealed class CasePromptTests : CmdletTestBase
{
    private readonly PromptRecordingHost _host = new();
    private readonly PowerShellSession _console;

    public CasePromptTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _console = new PowerShellSession(_host);
        _console.ConnectIncydr(sandbox.Host).AssertSuccess();
        Sandbox.Host.Requests.Clear();
    }

    public override void Dispose()
    {
        _console.Dispose();
        base.Dispose();
    }

    private int Writes => Sandbox.Host.Requests.Count(e => e.Method is "POST" or "PUT" or "DELETE" && e.Path.StartsWith("/v1/cases", StringComparison.Ordinal));

    private Case NewCase(string description) =>
        Session.Run("param($n, $d) New-Case -Name $n -Description $d -Assignee alice@example.com", new() { ["n"] = "Prompt " + Guid.NewGuid().ToString("N")[..10], ["d"] = description })
            .AssertSuccess().Objects<Case>().Single();

    [Fact]
    public void Set_case_WhatIf_names_the_case_and_each_change_old_to_new_after_one_read()
    {
        var created = NewCase("before");
        Sandbox.Host.Requests.Clear();

        var result = _console.Run("param($n) Set-Case -Number $n -Status Closed -Description 'after' -Assignee bob@example.com -Findings $null -WhatIf", new() { ["n"] = created.Number });

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Equal(
            [$"What if: Performing the operation \"Update (Status: 'OPEN' -> 'CLOSED'; Description: 'before' -> 'after'; Assignee: 'alice@example.com' -> 'bob@example.com')\" on target \"Case {created.Number} '{created.Name}'\"."],
            _host.WhatIf);
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/v1/cases/" + created.Number));
        Assert.Equal(0, Writes);
        Assert.Equal("before", Sandbox.Host.Cases.Find(created.Number)!.Description);
    }

    [Fact]
    public void Set_case_Confirm_asks_with_the_same_text_and_No_sends_nothing()
    {
        var created = NewCase("kept");
        _host.ConfirmAnswer = "&No";
        Sandbox.Host.Requests.Clear();

        _console.Run("param($n) Set-Case -Number $n -Name 'Renamed by prompt test' -Confirm", new() { ["n"] = created.Number }).AssertSuccess();

        var question = Assert.Single(_host.Questions);
        Assert.EndsWith($"Performing the operation \"Update (Name: '{created.Name}' -> 'Renamed by prompt test')\" on target \"Case {created.Number} '{created.Name}'\".", question);
        Assert.Equal(0, Writes);
    }

    [Fact]
    public void A_piped_case_names_its_edits()
    {
        var created = NewCase("piped");
        Sandbox.Host.Requests.Clear();

        _console.Run("param($n) $c = Get-Case -Number $n; $c.Description = \"two`nlines\"; $c | Set-Case -WhatIf", new() { ["n"] = created.Number }).AssertSuccess();

        Assert.Equal(
            [$"What if: Performing the operation \"Update (Description: 'piped' -> 'two lines')\" on target \"Case {created.Number} '{created.Name}'\"."],
            _host.WhatIf);
        Assert.Equal(0, Writes);
    }

    [Fact]
    public void Remove_case_by_number_reads_the_name_first_and_a_piped_case_needs_no_request()
    {
        var created = NewCase("doomed");
        Sandbox.Host.Requests.Clear();

        _console.Run("param($n) Remove-Case -Number $n -WhatIf", new() { ["n"] = created.Number }).AssertSuccess();
        Assert.Equal(1, Sandbox.Host.Requests.Total);
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/v1/cases/" + created.Number));

        Sandbox.Host.Requests.Clear();
        _console.Run("param($c) $c | Remove-Case -WhatIf", new() { ["c"] = created }).AssertSuccess();
        Assert.Equal(0, Sandbox.Host.Requests.Total);

        var expected = $"What if: Performing the operation \"Delete\" on target \"Case {created.Number} '{created.Name}'\".";
        Assert.Equal([expected, expected], _host.WhatIf);
        Assert.NotNull(Sandbox.Host.Cases.Find(created.Number));
    }

    [Fact]
    public void Remove_case_asks_about_the_named_case_then_deletes_with_one_read_and_one_delete()
    {
        var created = NewCase("asked");
        _host.ConfirmAnswer = "&Yes";
        Sandbox.Host.Requests.Clear();

        _console.Run("param($n) Remove-Case -Number $n", new() { ["n"] = created.Number }).AssertSuccess();

        Assert.EndsWith($"Performing the operation \"Delete\" on target \"Case {created.Number} '{created.Name}'\".", Assert.Single(_host.Questions));
        Assert.Equal(["GET", "DELETE"], Sandbox.Host.Requests.Entries.Select(e => e.Method));
        Assert.Null(Sandbox.Host.Cases.Find(created.Number));
    }

    [Fact]
    public void Remove_case_Force_asks_nothing_and_reads_nothing()
    {
        var created = NewCase("forced");
        Sandbox.Host.Requests.Clear();

        _console.Run("param($n) Remove-Case -Number $n -Force", new() { ["n"] = created.Number }).AssertSuccess();

        Assert.Empty(_host.Questions);
        Assert.Equal(["DELETE"], Sandbox.Host.Requests.Entries.Select(e => e.Method));
    }

    [Fact]
    public void New_case_WhatIf_lists_the_fields_being_set_and_creates_nothing()
    {
        var result = _console.Run("New-Case -Name 'Prompt never made' -Description 'USB copy' -Subject mallory@example.com -Assignee bob@example.com -WhatIf; New-Case -Name 'Prompt bare' -WhatIf");

        result.AssertSuccess();
        Assert.Equal(
            [
                "What if: Performing the operation \"Create (Description -> 'USB copy'; Subject -> 'mallory@example.com'; Assignee -> 'bob@example.com')\" on target \"Case 'Prompt never made'\".",
                "What if: Performing the operation \"Create\" on target \"Case 'Prompt bare'\".",
            ],
            _host.WhatIf);
        Assert.Equal(0, Writes);
    }
}
