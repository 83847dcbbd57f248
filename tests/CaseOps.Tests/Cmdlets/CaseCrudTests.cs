using System.Management.Automation;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;
using SandboxCaseStatus = CaseOps.Sandbox.Incydr.CaseStatus;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Get-Case by number, New-Case, Set-Case, Remove-Case against the emulator.</summary>
public sealed class CaseCrudTests : CmdletTestBase
{

    public CaseCrudTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private int ChangeRequests => Sandbox.Host.Requests.Count(e => e.Method is "POST" or "PUT" or "DELETE" && e.Path.StartsWith("/v1/cases"));

    private Case NewCase(string name, string? description = null) =>
        Session.Run("param($n, $d) New-Case -Name $n -Description $d", new() { ["n"] = name, ["d"] = description })
            .AssertSuccess().Objects<Case>().Single();

    [Fact]
    public void Get_by_number_returns_the_detail_view()
    {
        var record = Sandbox.Host.Cases.Find(7)!;

        var found = Session.Run("Get-Case -Number 7").AssertSuccess().Objects<Case>().Single();

        Assert.Equal(7, found.Number);
        Assert.Equal(record.Name, found.Name);
        Assert.Equal(record.Description, found.Description);
        Assert.Equal(record.Status.ToString(), found.Status.ToString().ToUpperInvariant());
    }

    [Fact]
    public void Unknown_numbers_from_the_pipeline_are_reported_and_the_rest_still_run()
    {
        var result = Session.Run("1, 999999, 3 | Get-Case");

        Assert.Equal(new long[] { 1, 3 }, result.Objects<Case>().Select(c => c.Number));
        var error = Assert.Single(result.Errors);
        Assert.Equal("CaseNotFound,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999999L, error.TargetObject);
        // Said once: the emulator's "Case 999999 not found" adds nothing to it.
        Assert.Equal("Case 999999 was not found. Request id: " + ((CaseOps.Http.CaseOpsApiException)error.Exception).RequestId + ".", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Number_below_one_is_a_validation_error(string number)
    {
        var result = Session.Run("Get-Case -Number " + number);

        Assert.Equal("ParameterArgumentValidationError,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/v1/cases")));
    }

    [Fact]
    public void Invalid_status_is_a_validation_error_listing_the_valid_ones()
    {
        var result = Session.Run("Get-Case -Status Pending");

        Assert.StartsWith("ParameterArgumentTransformationError", result.FirstError.FullyQualifiedErrorId.Replace("CannotConvertArgumentNoMessage", "ParameterArgumentTransformationError"));
        Assert.Contains("Open, Closed, Archived", result.FirstError.ToString());
    }

    [Fact]
    public void New_case_is_created_open_and_returned()
    {
        var created = NewCase("Crud create " + Guid.NewGuid().ToString("N")[..8], "first");

        Assert.Equal(CaseStatus.Open, created.Status);
        Assert.Equal("first", created.Description);
        var stored = Sandbox.Host.Cases.Find(created.Number)!;
        Assert.Equal(created.Name, stored.Name);
        Assert.Equal(SandboxCaseStatus.OPEN, stored.Status);
    }

    [Fact]
    public void New_case_with_a_taken_name_names_the_case_in_a_ResourceExists_error()
    {
        var existing = Sandbox.Host.Cases.Find(2)!.Name;

        var result = Session.Run("param($n) New-Case -Name $n", new() { ["n"] = existing });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CaseNameExists,CaseOps.Cmdlets.Cases.NewCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains(existing, error.ErrorDetails.Message);
    }

    [Fact]
    public void New_case_without_a_name_is_refused_before_any_request()
    {
        var result = Session.Run("New-Case -Name ''");

        Assert.StartsWith("ParameterArgumentValidationError", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, ChangeRequests);
    }

    [Fact]
    public void Set_case_by_parameter_keeps_the_fields_it_was_not_given()
    {
        var created = NewCase("Crud set " + Guid.NewGuid().ToString("N")[..8], "keep me");
        var assignee = Sandbox.Host.Users[1].Uid;

        var updated = Session.Run("param($n, $a) Set-Case -Number $n -Assignee $a -Findings '# found' -PassThru",
            new() { ["n"] = created.Number, ["a"] = assignee }).AssertSuccess().Objects<Case>().Single();

        Assert.Equal(assignee, updated.Assignee);
        Assert.Equal("# found", updated.Findings);
        Assert.Equal("keep me", updated.Description);
        Assert.Equal(created.Name, updated.Name);
        Assert.Equal("keep me", Sandbox.Host.Cases.Find(created.Number)!.Description);
    }

    [Fact]
    public void Set_case_from_a_piped_listing_object_saves_only_what_was_changed()
    {
        var created = NewCase("Crud pipe " + Guid.NewGuid().ToString("N")[..8], "from detail");

        // A listing's Case has no description; saving it must not clear the server's.
        var updated = Session.Run("param($name) $c = Get-Case -Name $name; $c.Name = $c.Name + ' (renamed)'; $c | Set-Case -PassThru",
            new() { ["name"] = created.Name }).AssertSuccess().Objects<Case>().Single();

        Assert.Equal(created.Name + " (renamed)", updated.Name);
        Assert.Equal("from detail", updated.Description);
        Assert.Equal(created.Name + " (renamed)", Sandbox.Host.Cases.Find(created.Number)!.Name);
    }

    [Fact]
    public void Set_case_takes_plain_numbers_from_the_pipeline_and_empty_text_clears()
    {
        var created = NewCase("Crud numbers " + Guid.NewGuid().ToString("N")[..8], "to clear");

        var updated = Session.Run("param($n) $n | Set-Case -Description '' -PassThru", new() { ["n"] = created.Number }).AssertSuccess().Objects<Case>().Single();

        Assert.Null(updated.Description);
        Assert.Null(Sandbox.Host.Cases.Find(created.Number)!.Description);
    }

    [Fact]
    public void New_case_treats_empty_cells_as_no_value()
    {
        var name = "Crud csv " + Guid.NewGuid().ToString("N")[..8];

        var created = Session.Run("param($n) [pscustomobject]@{ Name = $n; Description = ''; Assignee = ''; Subject = '' } | New-Case", new() { ["n"] = name })
            .AssertSuccess().Objects<Case>().Single();

        Assert.Equal(name, created.Name);
        Assert.Null(created.Assignee);
        Assert.Null(created.Description);
    }

    [Fact]
    public void A_CSV_row_piped_to_Set_case_is_not_taken_for_a_case_and_changes_nothing()
    {
        var created = NewCase("Crud csv row " + Guid.NewGuid().ToString("N")[..8], "keep");
        Sandbox.Host.Requests.Clear();

        // What Import-Csv makes of a row: a custom object whose values are all strings.
        var result = Session.Run("param($n) [pscustomobject]@{ Number = [string]$n; Name = 'Renamed from CSV' } | Set-Case", new() { ["n"] = created.Number });

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Contains("nothing to change"));
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method == "PUT"));
        var stored = Sandbox.Host.Cases.Find(created.Number)!;
        Assert.Equal(created.Name, stored.Name);
        Assert.Equal("keep", stored.Description);
    }

    [Fact]
    public void An_unchanged_piped_case_sends_no_update()
    {
        Session.Run("Get-Case -Number 9 | Set-Case").AssertSuccess();

        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method == "PUT"));
    }

    [Fact]
    public void Force_does_not_override_an_explicit_Confirm()
    {
        var created = NewCase("Crud force " + Guid.NewGuid().ToString("N")[..8]);

        var result = Session.Run("param($n) Remove-Case -Number $n -Force -Confirm", new() { ["n"] = created.Number });

        Assert.True(result.Terminating != null || result.Errors.Count > 0, "the hosted session cannot prompt, so asking must fail");
        Assert.NotNull(Sandbox.Host.Cases.Find(created.Number));
    }

    [Fact]
    public void A_DELETE_retried_after_a_lost_answer_counts_as_done()
    {
        var created = NewCase("Crud lost answer " + Guid.NewGuid().ToString("N")[..8]);
        Sandbox.Host.Cases.Delete(created.Number); // as if the first attempt had worked and its answer was lost
        Sandbox.Host.Faults.FailNext(1, 503);

        // A piped Case is deleted without a read first, so the DELETE is the first request.
        var result = Session.Run("param($c) $c | Remove-Case -Confirm:$false", new() { ["c"] = created });

        Assert.Empty(result.Errors);
        Assert.Equal(2, Sandbox.Host.Requests.Count("DELETE", "/v1/cases/" + created.Number));
        Assert.Equal(0, Sandbox.Host.Requests.Count("GET", "/v1/cases/"));
    }

    [Fact]
    public void Set_case_on_a_closed_case_reports_it_is_closed()
    {
        var created = NewCase("Crud closed " + Guid.NewGuid().ToString("N")[..8]);
        Session.Run("param($n) Set-Case -Number $n -Status Closed", new() { ["n"] = created.Number }).AssertSuccess();

        var result = Session.Run("param($n) Set-Case -Number $n -Name 'changed after close'", new() { ["n"] = created.Number });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CaseClosed,CaseOps.Cmdlets.Cases.SetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(created.Name, Sandbox.Host.Cases.Find(created.Number)!.Name);
    }

    [Fact]
    public void WhatIf_sends_no_change()
    {
        var created = NewCase("Crud whatif " + Guid.NewGuid().ToString("N")[..8]);
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("param($n) New-Case -Name 'never made' -WhatIf; Set-Case -Number $n -Name 'never' -WhatIf; Remove-Case -Number $n -WhatIf",
            new() { ["n"] = created.Number }).AssertSuccess();

        Assert.Empty(result.Output);
        // Set-Case and Remove-Case read the case to name it and its changes; nothing is written.
        Assert.Equal(2, Sandbox.Host.Requests.Total);
        Assert.Equal(2, Sandbox.Host.Requests.Count("GET", "/v1/cases/" + created.Number));
        Assert.Equal(created.Name, Sandbox.Host.Cases.Find(created.Number)!.Name);
    }

    [Fact]
    public void Set_case_writes_nothing_without_PassThru()
    {
        var created = NewCase("Crud quiet " + Guid.NewGuid().ToString("N")[..8]);

        var quiet = Session.Run("param($n) Set-Case -Number $n -Description 'quiet'", new() { ["n"] = created.Number }).AssertSuccess();
        var loud = Session.Run("param($n) Set-Case -Number $n -Description 'loud' -PassThru", new() { ["n"] = created.Number }).AssertSuccess();

        Assert.Empty(quiet.Output);
        Assert.Equal("loud", Assert.Single(loud.Objects<Case>()).Description);
        Assert.Equal("loud", Sandbox.Host.Cases.Find(created.Number)!.Description);
    }

    [Fact]
    public void Remove_case_deletes_piped_cases_and_reports_unknown_ones()
    {
        var first = NewCase("Crud remove a " + Guid.NewGuid().ToString("N")[..8]);
        var second = NewCase("Crud remove b " + Guid.NewGuid().ToString("N")[..8]);

        var result = Session.Run("param($a, $b) $a, 999998, $b | Remove-Case -Confirm:$false",
            new() { ["a"] = first.Number, ["b"] = second.Number });

        Assert.Null(Sandbox.Host.Cases.Find(first.Number));
        Assert.Null(Sandbox.Host.Cases.Find(second.Number));
        var error = Assert.Single(result.Errors);
        Assert.Equal("CaseNotFound,CaseOps.Cmdlets.Cases.RemoveCaseCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Cases_piped_from_a_listing_bind_by_number()
    {
        var result = Session.Run("Get-Case -First 3 | Get-Case").AssertSuccess().Objects<Case>();

        Assert.Equal(new long[] { 1, 2, 3 }, result.Select(c => c.Number));
        Assert.All(result, c => Assert.Equal(Sandbox.Host.Cases.Find(c.Number)!.Description, c.Description));
    }
}
