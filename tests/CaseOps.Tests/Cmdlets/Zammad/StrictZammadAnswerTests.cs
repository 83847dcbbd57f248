using System.Text.Json.Nodes;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Zammad answers with status 200 that do not fit the models (docs/architecture.md, "Errors",
/// InvalidResponse): each is an error naming request, member and request id, never a raw .NET
/// exception, and what was written before stays in the caller's variable.
/// </summary>
public sealed class StrictZammadAnswerTests : ZammadCmdletTestBase
{
    private const string Api = "/zammad/api/v1/";
    private const string GetTicket = "CaseOps.Cmdlets.Tickets.GetTicketCommand";

    public StrictZammadAnswerTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Classic;
    }

    private AnswerRewrites Rewrites => Sandbox.Host.Faults.Rewrites;

    private void Edit(string method, string path, Func<JsonNode?, JsonNode?> edit, params (string Name, string Value)[] query) =>
        Rewrites.AddJson(AnswerRewrites.Request(method, Api + path, query), edit);

    [Fact]
    public void A_null_element_in_the_ticket_list_is_InvalidResponse_and_the_first_page_is_kept()
    {
        Edit("GET", "tickets", json => { json![1] = null; return json; }, ("page", "2"));

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -PageSize 2");

        Assert.Equal(new long[] { 1, 2 }, kept.Cast<Ticket>().Select(t => t.Id));
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets?", "[1]", "null element");
        Assert.Contains("page=2", errors[0].Exception.Message);
    }

    [Fact]
    public void A_missing_required_member_is_InvalidResponse_not_an_invented_id()
    {
        Edit("GET", "tickets", json => { json![0]!.AsObject().Remove("group_id"); return json; }, ("page", "1"));

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -PageSize 5");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets?", "[0].group_id", "is missing");
    }

    [Fact]
    public void An_empty_key_in_a_ticket_is_InvalidResponse_not_a_raw_exception()
    {
        Edit("GET", "tickets/1", json => { json![""] = 1; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -Id 1, 2");

        Assert.Equal(new long[] { 2 }, kept.Cast<Ticket>().Select(t => t.Id));
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets/1", "['']", "empty key");
    }

    [Fact]
    public void A_ticket_answered_for_another_id_is_InvalidResponse()
    {
        Edit("GET", "tickets/5", json => { json!["id"] = 6; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -Id 5");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets/5", "id", "is 6, but 5 was asked for");
    }

    [Fact]
    public void A_custom_field_that_differs_only_in_letter_case_from_another_is_InvalidResponse()
    {
        Edit("GET", "tickets/3", json => { json!["incident_ref"] = "A"; json!["INCIDENT_REF"] = "B"; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -Id 3");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets/3", "INCIDENT_REF", "letter case");
    }

    [Fact]
    public void Search_assets_that_are_null_are_InvalidResponse_not_a_raw_exception()
    {
        Edit("GET", "tickets/search", json => { json!["assets"] = null; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -Query '*'");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets/search?", "assets", "is null");
    }

    [Fact]
    public void A_search_answer_wrapped_in_an_extra_array_is_InvalidResponse_not_a_ticket_with_id_0()
    {
        Edit("GET", "tickets/search", json => new JsonArray(json));

        var (kept, errors) = BadAnswers.Collect(Session, "Get-Ticket -Query '*'");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, GetTicket, "GET " + Api + "tickets/search?", "[0].id", "is missing");
    }

    [Fact]
    public void An_article_answered_for_another_id_is_InvalidResponse()
    {
        var id = Read("ticket_articles/by_ticket/3").EnumerateArray().First().GetProperty("id").GetInt64();
        Edit("GET", "ticket_articles/" + id, json => { json!["id"] = id + 1; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-TicketArticle -Id $a", new() { ["a"] = id });

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, "CaseOps.Cmdlets.Articles.GetTicketArticleCommand", "GET " + Api + "ticket_articles/" + id, "id",
            $"is {id + 1}, but {id} was asked for");
    }

    [Fact]
    public void A_null_history_is_InvalidResponse_not_an_empty_history()
    {
        Edit("GET", "ticket_history/2", json => { json!["history"] = null; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-TicketHistory -TicketId 2");

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, "CaseOps.Cmdlets.Tickets.GetTicketHistoryCommand", "GET " + Api + "ticket_history/2", "history", "is null");
    }

    [Fact]
    public void A_time_unit_that_is_not_a_decimal_is_InvalidResponse_not_zero()
    {
        var ticket = Session.Run("New-Ticket -Title 'Strict time' -Group Users -Customer bob@example.com -Body 'x'").AssertSuccess().Objects<Ticket>().Single().Id;
        Session.Run("param($a) Add-TicketTimeAccounting -TicketId $a -TimeUnit 15", new() { ["a"] = ticket }).AssertSuccess();
        Edit("GET", $"tickets/{ticket}/time_accountings", json => { json![0]!["time_unit"] = "fifteen"; return json; });

        var (kept, errors) = BadAnswers.Collect(Session, "Get-TicketTimeAccounting -TicketId $a", new() { ["a"] = ticket });

        Assert.Empty(kept);
        BadAnswers.AssertInvalidResponse(errors, "CaseOps.Cmdlets.TimeAccounting.GetTicketTimeAccountingCommand", $"GET {Api}tickets/{ticket}/time_accountings", "[0].time_unit", "\"fifteen\" is not a decimal number");
    }
}
