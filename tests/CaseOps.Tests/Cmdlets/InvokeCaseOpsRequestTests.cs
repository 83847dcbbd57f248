using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Invoke-CaseOpsRequest against the emulator, with both services connected in the session.</summary>
public sealed class InvokeCaseOpsRequestTests : CmdletTestBase
{
    private const string ZammadApi = "/zammad/api/v1/";

    public InvokeCaseOpsRequestTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
        Session.ConnectIncydr(sandbox.Host).AssertSuccess();
        Session.ConnectZammad(sandbox.Host).AssertSuccess();
        Sandbox.Host.Requests.Clear();
    }

    private int Requests(string method, string path) =>
        Sandbox.Host.Requests.Count(e => e.Method == method && e.Path == path);

    private static object? Property(PSObject item, string name) => item.Properties[name]?.Value;

    [Fact]
    public void Gets_a_case_and_a_ticket_as_objects()
    {
        var caseItem = Session.Run("Invoke-CaseOpsRequest v1/cases/7 -Service Incydr").AssertSuccess().Output.Single();
        var ticket = Session.Run("Invoke-CaseOpsRequest -Path tickets/12 -Service Zammad").AssertSuccess().Output.Single();

        Assert.IsType<PSCustomObject>(caseItem.BaseObject);
        Assert.Equal(7L, Property(caseItem, "number"));
        Assert.Equal(Sandbox.Host.Cases.Snapshot().Single(c => c.Number == 7).Name, Property(caseItem, "name"));
        Assert.Equal(12L, Property(ticket, "id"));
        Assert.Equal(1, Requests("GET", "/v1/cases/7"));
        Assert.Equal(1, Requests("GET", ZammadApi + "tickets/12"));
    }

    [Fact]
    public void A_leading_slash_is_tolerated_and_stays_below_the_base_url()
    {
        var ticket = Session.Run("Invoke-CaseOpsRequest /tickets/3 -Service Zammad").AssertSuccess().Output.Single();

        Assert.Equal(3L, Property(ticket, "id"));
        Assert.Equal(1, Requests("GET", ZammadApi + "tickets/3"));
    }

    [Fact]
    public void All_follows_Incydr_paging_with_the_page_size_of_the_query()
    {
        var cases = Session.Run("Invoke-CaseOpsRequest v1/cases -Service Incydr -All -Query @{ pgSize = 50 }").AssertSuccess().Output;

        Assert.Equal(250, cases.Count);
        Assert.Equal(250, cases.Select(c => (long)Property(c, "number")!).Distinct().Count());
        Assert.Equal(5, Requests("GET", "/v1/cases")); // the fifth page is full, but totalCount says it is the last
        Assert.All(Sandbox.Host.Requests.Entries.Where(e => e.Path == "/v1/cases"), e => Assert.Contains("pgSize=50", e.QueryString));
        Assert.DoesNotContain(Sandbox.Host.Requests.Entries, e => e.QueryString.Contains("pgNum=6"));
    }

    [Fact]
    public void All_uses_pages_of_100_by_default_and_keeps_other_query_parameters()
    {
        var cases = Session.Run("Invoke-CaseOpsRequest v1/cases -Service Incydr -All -Query @{ srtKey = 'number'; srtDir = 'desc' }").AssertSuccess().Output;

        Assert.Equal(250, cases.Count);
        Assert.Equal(Sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderByDescending(n => n), cases.Select(c => (long)Property(c, "number")!));
        var pages = Sandbox.Host.Requests.Entries.Where(e => e.Path == "/v1/cases").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, e => Assert.Contains("pgSize=100", e.QueryString));
        Assert.All(pages, e => Assert.Contains("srtDir=desc", e.QueryString));
    }

    [Fact]
    public void All_follows_Zammad_paging_until_a_short_page()
    {
        var seeded = Sandbox.Host.Zammad.Tickets.Snapshot().Count;
        Assert.True(seeded > 50, "the emulator seeds enough tickets for three pages");

        var tickets = Session.Run("Invoke-CaseOpsRequest tickets -Service Zammad -All -Query @{ per_page = 25 }").AssertSuccess().Output;

        Assert.Equal(seeded, tickets.Count);
        Assert.Equal(seeded, tickets.Select(t => (long)Property(t, "id")!).Distinct().Count());
        var expectedPages = seeded / 25 + 1; // full pages, then a short (or empty) one
        Assert.Equal(expectedPages, Requests("GET", ZammadApi + "tickets"));
        Assert.All(Sandbox.Host.Requests.Entries.Where(e => e.Path == ZammadApi + "tickets"), e => Assert.Contains("per_page=25", e.QueryString));
    }

    [Fact]
    public void All_stops_after_one_page_when_the_endpoint_does_not_page()
    {
        // tag_list ignores page and per_page: without the guard, a full page would repeat for ever.
        Session.Run("1..4 | ForEach-Object { Invoke-CaseOpsRequest tag_list -Method POST -Service Zammad -Body @{ name = \"nopaging-$_\" } }").AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var tags = Session.Run("Invoke-CaseOpsRequest tag_list -Service Zammad -All -Query @{ per_page = 2 }").AssertSuccess().Output;

        Assert.True(tags.Count >= 4);
        Assert.Equal(1, Requests("GET", ZammadApi + "tag_list")); // the page was longer than asked for: no second request
    }

    [Fact]
    public void Post_with_a_hashtable_body_adds_a_tag_that_a_GET_then_shows()
    {
        var added = Session.Run("Invoke-CaseOpsRequest tags/add -Method POST -Service Zammad -Body @{ object = 'Ticket'; o_id = 5; item = 'raw-request' }")
            .AssertSuccess().Output.Single();
        var tags = Session.Run("Invoke-CaseOpsRequest tags -Service Zammad -Query @{ object = 'Ticket'; o_id = 5 }").AssertSuccess().Output.Single();

        Assert.Equal(true, added.BaseObject);
        Assert.Contains("raw-request", ((object[])Property(tags, "tags")!).Cast<string>());
        Assert.Equal(1, Requests("POST", ZammadApi + "tags/add"));
    }

    [Fact]
    public void A_string_body_is_sent_as_JSON_as_it_is()
    {
        Session.Run("Invoke-CaseOpsRequest tag_list -Method POST -Service Zammad -Body '{\"name\":\"raw-json-tag\"}'").AssertSuccess();

        var names = Session.Run("Invoke-CaseOpsRequest tag_list -Service Zammad").AssertSuccess().Output.Select(t => (string)Property(t, "name")!);

        Assert.Contains("raw-json-tag", names);
    }

    [Fact]
    public void An_object_body_and_an_array_query_value_reach_the_API()
    {
        var created = Session.Run(
            "$body = [pscustomobject]@{ name = 'Raw request case'; description = 'made by Invoke-CaseOpsRequest' }; " +
            "Invoke-CaseOpsRequest v1/cases -Method POST -Service Incydr -Body $body").AssertSuccess().Output.Single();
        var number = (long)Property(created, "number")!;

        var listed = Session.Run("Invoke-CaseOpsRequest v1/cases -Service Incydr -Query @{ name = 'Raw request case'; status = 'OPEN', 'CLOSED'; pgSize = 10 }")
            .AssertSuccess().Output.Single();

        Assert.Equal("made by Invoke-CaseOpsRequest", Sandbox.Host.Cases.Snapshot().Single(c => c.Number == number).Description);
        Assert.Equal(1L, Property(listed, "totalCount"));
        var query = Sandbox.Host.Requests.Entries.Last(e => e.Method == "GET" && e.Path == "/v1/cases").QueryString;
        Assert.Contains("status=OPEN", query);
        Assert.Contains("status=CLOSED", query);
    }

    [Fact]
    public void Raw_returns_a_404_with_its_text_instead_of_an_error()
    {
        var result = Session.Run("Invoke-CaseOpsRequest tickets/99999 -Service Zammad -Raw").AssertSuccess();
        var raw = result.Objects<RawApiResponse>().Single();

        Assert.Equal(404, raw.StatusCode);
        Assert.Contains("Couldn't find Ticket", raw.Content);
        Assert.StartsWith("application/json", raw.ContentType);
        Assert.True(raw.Headers.ContainsKey("content-type"));
        Assert.False(raw.IsSuccessStatusCode);
        Assert.Equal(1, Requests("GET", ZammadApi + "tickets/99999"));
    }

    [Fact]
    public void Raw_returns_a_success_with_status_headers_and_text()
    {
        var raw = Session.Run("Invoke-CaseOpsRequest v1/cases/7 -Service Incydr -Raw").AssertSuccess().Objects<RawApiResponse>().Single();

        Assert.Equal(200, raw.StatusCode);
        Assert.Contains("\"number\":7", raw.Content.Replace(" ", string.Empty));
        Assert.Contains("json", raw.Headers["Content-Type"]);
    }

    [Fact]
    public void A_404_without_Raw_is_a_non_terminating_error_naming_the_request()
    {
        var result = Session.Run("Invoke-CaseOpsRequest tickets/9 -Service Zammad -Method GET; Invoke-CaseOpsRequest tickets/99999 -Service Zammad; 'after'");

        Assert.Null(result.Terminating);
        Assert.Equal("after", result.Output.Last().BaseObject);
        var error = result.Errors.Single();
        Assert.Equal("RequestFailed,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("GET tickets/99999", error.ToString());
    }

    [Fact]
    public void A_body_that_is_not_JSON_comes_back_as_a_string_and_an_empty_one_as_nothing()
    {
        var csv = Session.Run("Invoke-CaseOpsRequest v1/cases/8/fileevent/export -Service Incydr").AssertSuccess().Output.Single();
        var deleted = Session.Run("Invoke-CaseOpsRequest v1/cases/9 -Method DELETE -Service Incydr").AssertSuccess().Output;
        var gone = Session.Run("Invoke-CaseOpsRequest v1/cases/9 -Service Incydr -Raw").AssertSuccess().Objects<RawApiResponse>().Single();

        Assert.IsType<string>(csv.BaseObject);
        Assert.Empty(deleted);
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public void WhatIf_on_a_POST_sends_nothing()
    {
        var result = Session.Run("Invoke-CaseOpsRequest tags/add -Method POST -Service Zammad -Body @{ object = 'Ticket'; o_id = 6; item = 'whatif' } -WhatIf").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Theory]
    [InlineData("https://attacker.example/collect")]
    [InlineData("http://127.0.0.1:1/tickets")]
    [InlineData("//attacker.example/collect")]
    [InlineData("\\\\attacker.example\\collect")]
    public void An_absolute_url_is_refused_before_any_request(string url)
    {
        var result = Session.Run("param($u) Invoke-CaseOpsRequest -Path $u -Service Zammad", new() { ["u"] = url });

        Assert.Equal("InvalidRequestArgument,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("relative", result.FirstError.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void With_both_services_connected_the_service_must_be_named()
    {
        var result = Session.Run("Invoke-CaseOpsRequest tickets/1");

        Assert.Equal("ServiceNotSpecified,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("-Service", result.FirstError.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void With_one_service_connected_it_is_used_without_Service()
    {
        using var zammadOnly = new PowerShellSession();
        zammadOnly.ConnectZammad(Sandbox.Host).AssertSuccess();

        var ticket = zammadOnly.Run("Invoke-CaseOpsRequest tickets/2").AssertSuccess().Output.Single();

        Assert.Equal(2L, Property(ticket, "id"));
    }

    [Fact]
    public void Without_any_connection_it_says_how_to_connect()
    {
        using var fresh = new PowerShellSession();

        var result = fresh.Run("Invoke-CaseOpsRequest tickets/2");

        Assert.Equal("NotConnected,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("Connect-Zammad", result.FirstError.Exception.Message);
    }

    [Fact]
    public void Connection_parameter_picks_the_service()
    {
        var ticket = Session.Run("$c = Get-CaseOpsConnection -Service Zammad; Invoke-CaseOpsRequest tickets/4 -Connection $c").AssertSuccess().Output.Single();
        var closed = Session.Run("$c = Get-CaseOpsConnection -Service Incydr; Disconnect-CaseOps -Service Incydr; Invoke-CaseOpsRequest v1/cases/1 -Connection $c");

        Assert.Equal(4L, Property(ticket, "id"));
        Assert.Equal("ConnectionClosed,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", closed.FirstError.FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Invoke-CaseOpsRequest tag_list -Method POST -All -Service Zammad", "-All")]
    [InlineData("Invoke-CaseOpsRequest tickets -All -Raw -Service Zammad", "-Raw")]
    [InlineData("Invoke-CaseOpsRequest tickets -Body @{ a = 1 } -Service Zammad", "-Query")]
    [InlineData("Invoke-CaseOpsRequest tickets -All -Query @{ per_page = 'many' } -Service Zammad", "per_page")]
    public void Contradicting_parameters_are_refused_before_any_request(string script, string hint)
    {
        var result = Session.Run(script);

        Assert.Equal("InvalidRequestArgument,CaseOps.Cmdlets.Common.InvokeCaseOpsRequestCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains(hint, result.FirstError.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void Verbose_shows_the_request_without_the_token()
    {
        var result = Session.Run("Invoke-CaseOpsRequest tickets/1 -Service Zammad -Verbose").AssertSuccess();

        Assert.Contains(result.Verbose, v => v.Contains("GET") && v.Contains("tickets/1"));
        Assert.DoesNotContain(result.Verbose, v => v.Contains(Sandbox.Host.Options.ZammadToken));
    }
}
