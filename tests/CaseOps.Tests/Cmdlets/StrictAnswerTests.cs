using System.Text.Json.Nodes;
using CaseOps.Incydr.Models;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// Incydr answers with status 200 that do not fit the models (docs/architecture.md, "Errors",
/// InvalidResponse): each is an error naming request, member and request id, no wrong object is
/// written, and what was written before stays in the caller's variable.
/// </summary>
public sealed class StrictAnswerTests : CmdletTestBase
{
    private const string GetCase = "CaseOps.Cmdlets.Cases.GetCaseCommand";

    public StrictAnswerTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private AnswerRewrites Rewrites => Sandbox.Host.Faults.Rewrites;

    /// <summary>Edits page <paramref name="page"/> of a 50-case listing.</summary>
    private void OnPage(int page, Action<JsonObject> edit) =>
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases", ("pgNum", page.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            json => { edit(json!.AsObject()); return json; });

    private (IReadOnlyList<object> Kept, IReadOnlyList<System.Management.Automation.ErrorRecord> Errors) ListFiftyAPage() =>
        BadAnswers.Collect(Session, "Get-Case -PageSize 50");

    private static void AssertFirstPageKept(IReadOnlyList<object> kept, int pages = 1) =>
        Assert.Equal(Enumerable.Range(1, 50 * pages).Select(n => (long)n), kept.Cast<Case>().Select(c => c.Number));

    [Fact]
    public void A_missing_required_member_ends_the_listing_with_InvalidResponse_and_keeps_the_pages_before()
    {
        OnPage(2, json => json["cases"]![3]!.AsObject().Remove("number"));

        var (kept, errors) = ListFiftyAPage();

        AssertFirstPageKept(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "GET /v1/cases?", "cases[3].number", "is missing");
        Assert.Contains("pgNum=2", errors[0].Exception.Message);
    }

    [Fact]
    public void A_fraction_where_an_integer_is_expected_is_InvalidResponse_not_a_rounded_number()
    {
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases/1"), json => { json!["number"] = 1.5; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Case -Number 1, 2");

        Assert.Equal(new long[] { 2 }, kept.Cast<Case>().Select(c => c.Number)); // never a case 2 made of 1.5
        BadAnswers.AssertInvalidResponse(errors, GetCase, "GET /v1/cases/1", "number", "1.5");
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_InvalidResponse()
    {
        OnPage(3, json => json["cases"]![0]!["status"] = 1); // an enum as a number

        var (kept, errors) = ListFiftyAPage();

        AssertFirstPageKept(kept, pages: 2);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "pgNum=3", "cases[0].status", "OPEN");
    }

    [Fact]
    public void A_key_that_differs_only_in_letter_case_does_not_overwrite_the_member()
    {
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases/3"), json => { json!["NUMBER"] = 7; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Case -Number 3");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "GET /v1/cases/3", "NUMBER", "letter case");
    }

    [Fact]
    public void An_answer_about_another_case_is_InvalidResponse()
    {
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases/3"), json => { json!["number"] = 2; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Case -Number 3");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "GET /v1/cases/3", "number", "is 2, but 3 was asked for");
    }

    [Fact]
    public void Set_Case_answered_for_another_case_is_InvalidResponse()
    {
        var open = (long)Session.Run("(Get-Case -Status Open -First 1).Number").AssertSuccess().Output.Single().BaseObject;
        Rewrites.AddJson(AnswerRewrites.Request("PUT", $"/v1/cases/{open}"), json => { json!["number"] = open + 1; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Set-Case -Number $a -Findings 'checked' -PassThru", new() { ["a"] = open });

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, "CaseOps.Cmdlets.Cases.SetCaseCommand", $"PUT /v1/cases/{open}", "number", $"is {open + 1}, but {open} was asked for");
    }

    [Fact]
    public void A_null_list_ends_the_listing_with_InvalidResponse_instead_of_a_raw_exception()
    {
        OnPage(2, json => json["cases"] = null);

        var (kept, errors) = ListFiftyAPage();

        AssertFirstPageKept(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "pgNum=2", "cases", "is null");
    }

    [Fact]
    public void A_missing_list_ends_the_listing_with_InvalidResponse()
    {
        OnPage(2, json => json.Remove("cases"));

        var (kept, errors) = ListFiftyAPage();

        AssertFirstPageKept(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "pgNum=2", "cases", "is missing");
    }

    [Fact]
    public void A_null_element_in_the_list_is_InvalidResponse_not_a_dropped_case()
    {
        OnPage(2, json => json["cases"]![5] = null);

        var (kept, errors) = ListFiftyAPage();

        AssertFirstPageKept(kept); // none of page 2: it cannot be trusted
        BadAnswers.AssertInvalidResponse(errors, GetCase, "pgNum=2", "cases[5]", "null element");
    }

    [Fact]
    public void A_wrong_root_type_is_InvalidResponse()
    {
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases/4"), json => new JsonArray(json));

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Case -Number 4");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetCase, "GET /v1/cases/4", "(root)", "a list where an object is expected");
    }

    [Fact]
    public void A_repeated_key_is_InvalidResponse()
    {
        Rewrites.Add(AnswerRewrites.Request("GET", "/v1/cases/6"),
            body => System.Text.Encoding.UTF8.GetBytes("{\"number\":6," + System.Text.Encoding.UTF8.GetString(body).Substring(1)));

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Case -Number 6");

        Assert.Empty(kept);
        Assert.Equal("InvalidResponse," + GetCase, Assert.Single(errors).FullyQualifiedErrorId);
        Assert.Contains("number", errors[0].Exception.Message);
    }

    [Fact]
    public void Unknown_keys_are_still_kept()
    {
        Rewrites.AddJson(AnswerRewrites.Request("GET", "/v1/cases/5"), json => { json!["riskLevel"] = "HIGH"; return json; });

        var result = Session.Run("Get-Case -Number 5 | ForEach-Object { $_.GetAdditionalProperties()['riskLevel'] }").AssertSuccess();

        Assert.Equal("HIGH", Assert.Single(result.Output).BaseObject);
    }
}
