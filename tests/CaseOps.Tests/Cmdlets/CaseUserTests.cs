using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// -Assignee and -Subject of New-Case, Set-Case and Get-Case take a username, a user id or an IncydrUser; users
/// are looked up once per connection, and one Incydr does not know sends nothing to the cases.
/// </summary>
public sealed class CaseUserTests : CmdletTestBase
{
    public CaseUserTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private int UserRequests => Sandbox.Host.Requests.Count("GET", "/v1/users");

    private int CaseRequests => Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/v1/cases", StringComparison.Ordinal));

    private string Uid(string name) => Sandbox.Host.Users.Single(u => u.Username == name + "@example.com").Uid;

    private long NewCase() =>
        Session.Run("param($n) (New-Case -Name $n).Number", new() { ["n"] = "Users " + Guid.NewGuid().ToString("N")[..10] }).AssertSuccess().Objects<long>().Single();

    [Fact]
    public void Set_case_takes_a_username_and_sends_its_id()
    {
        var number = NewCase();
        Sandbox.Host.Requests.Clear();

        var saved = Session.Run("param($n) Set-Case -Number $n -Assignee bob@example.com -Subject CAROL@example.com -PassThru", new() { ["n"] = number })
            .AssertSuccess().Objects<Case>().Single();

        Assert.Equal(Uid("bob"), saved.Assignee);
        Assert.Equal("bob@example.com", saved.AssigneeUsername);
        Assert.Equal(Uid("carol"), Sandbox.Host.Cases.Find(number)!.Subject!.Uid);
        Assert.Equal(2, UserRequests); // one username lookup each, no listing
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Path == "/v1/users" && !e.QueryString.Contains("username=", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_user_id_is_checked_once_and_an_IncydrUser_costs_nothing_more()
    {
        var number = NewCase();
        Sandbox.Host.Requests.Clear();

        Session.Run("param($n, $id) Set-Case -Number $n -Assignee $id; Set-Case -Number $n -Subject $id", new() { ["n"] = number, ["id"] = Uid("dave") }).AssertSuccess();
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/v1/users/" + Uid("dave")));
        Assert.Equal(1, UserRequests);

        Session.Run("param($n) $erin = Get-IncydrUser -Username erin@example.com; Set-Case -Number $n -Assignee $erin; New-Case -Name ('Users obj ' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -Subject $erin",
            new() { ["n"] = number }).AssertSuccess();
        Assert.Equal(2, UserRequests); // Get-IncydrUser's listing only
        Assert.Equal(Uid("erin"), Sandbox.Host.Cases.Find(number)!.Assignee!.Uid);
    }

    [Fact]
    public void A_username_is_looked_up_once_per_connection_even_from_parallel_sessions()
    {
        var numbers = Enumerable.Range(0, 6).Select(_ => NewCase()).ToArray();
        var connection = (IncydrConnection)Session.Run("Get-CaseOpsConnection -Service Incydr").AssertSuccess().Output.Single().BaseObject;
        Sandbox.Host.Requests.Clear();

        // Six runspaces on six threads, one connection: the lookup is shared, so Incydr is asked once.
        Parallel.ForEach(numbers, new ParallelOptions { MaxDegreeOfParallelism = 6 }, number =>
        {
            using var session = new PowerShellSession();
            session.Run("param($n, $c) Set-Case -Number $n -Assignee grace@example.com -Connection $c", new() { ["n"] = number, ["c"] = connection }).AssertSuccess();
        });
        Session.Run("param($n) Set-Case -Number $n -Subject grace@example.com", new() { ["n"] = numbers[0] }).AssertSuccess();

        Assert.Equal(1, UserRequests);
        Assert.All(numbers, n => Assert.Equal(Uid("grace"), Sandbox.Host.Cases.Find(n)!.Assignee!.Uid));
        Assert.Equal(Uid("grace"), Sandbox.Host.Cases.Find(numbers[0])!.Subject!.Uid);
    }

    [Fact]
    public void An_unknown_user_is_UserNotFound_with_close_matches_and_nothing_reaches_the_cases()
    {
        var number = NewCase();
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("param($n) $n, $n, $n | Set-Case -Assignee alcie@example.com", new() { ["n"] = number });

        Assert.Equal(3, result.Errors.Count);
        var error = result.Errors[0];
        Assert.Equal("UserNotFound,CaseOps.Cmdlets.Cases.SetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("alcie@example.com", error.TargetObject);
        Assert.Equal("Incydr has no user with the id or username 'alcie@example.com'. Close matches: 'alice@example.com'.", error.ErrorDetails.Message);
        Assert.Equal(0, CaseRequests);
        Assert.Equal(2, UserRequests); // the lookup, then the listing for the close matches; the next cases reuse the answer
        Assert.Null(Sandbox.Host.Cases.Find(number)!.Assignee);
    }

    [Theory]
    [InlineData("New-Case -Name 'never made' -Subject mallroy@example.com", "NewCaseCommand", "'mallory@example.com'")]
    [InlineData("Get-Case -Assignee fran", "GetCaseCommand", "'frank@example.com'")]
    [InlineData("Get-Case -Subject 12345", "GetCaseCommand", null)]
    public void Unknown_users_stop_New_case_and_Get_case_before_any_case_request(string script, string command, string? closeMatches)
    {
        var result = Session.Run(script);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UserNotFound,CaseOps.Cmdlets.Cases." + command, error.FullyQualifiedErrorId);
        Assert.EndsWith(closeMatches == null ? "'." : "Close matches: " + closeMatches + ".", error.ErrorDetails.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0, CaseRequests);
    }

    [Fact]
    public void Close_matches_are_prefixes_then_substrings_a_few_at_most()
    {
        var result = Session.Run("Get-Case -Assignee e");

        // Names starting with 'e', then names containing it; three at most.
        Assert.Equal("Incydr has no user with the id or username 'e'. Close matches: 'erin@example.com', 'alice@example.com', 'bob@example.com'.",
            Assert.Single(result.Errors).ErrorDetails.Message);
    }

    [Fact]
    public void Get_case_filters_by_the_id_of_the_username()
    {
        var expected = Sandbox.Host.Cases.Snapshot().Where(c => c.Assignee?.Username == "heidi@example.com").Select(c => c.Number).ToArray();

        var found = Session.Run("Get-Case -Assignee heidi@example.com").AssertSuccess().Objects<Case>();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(c => c.Number));
        Assert.Contains(Sandbox.Host.Requests.Entries, e => e.Path == "/v1/cases" && e.QueryString.Contains("assignee=" + Uid("heidi"), StringComparison.Ordinal));
    }

    [Fact]
    public void New_case_takes_a_username_and_a_user_id_and_clearing_needs_no_lookup()
    {
        var name = "Users new " + Guid.NewGuid().ToString("N")[..8];

        var created = Session.Run("param($n, $id) New-Case -Name $n -Assignee ivan@example.com -Subject $id", new() { ["n"] = name, ["id"] = Uid("judy") })
            .AssertSuccess().Objects<Case>().Single();
        Sandbox.Host.Requests.Clear();
        Session.Run("param($n) Set-Case -Number $n -Assignee $null -Subject ''", new() { ["n"] = created.Number }).AssertSuccess();

        Assert.Equal("ivan@example.com", created.AssigneeUsername);
        Assert.Equal("judy@example.com", created.SubjectUsername);
        Assert.Equal(0, UserRequests);
        Assert.Null(Sandbox.Host.Cases.Find(created.Number)!.Assignee);
        Assert.Null(Sandbox.Host.Cases.Find(created.Number)!.Subject);
    }

    [Fact]
    public void A_piped_case_whose_assignee_was_edited_to_a_username_is_saved_with_the_id()
    {
        var number = NewCase();

        Session.Run("param($n) $c = Get-Case -Number $n; $c.Assignee = 'frank@example.com'; $c | Set-Case", new() { ["n"] = number }).AssertSuccess();

        Assert.Equal(Uid("frank"), Sandbox.Host.Cases.Find(number)!.Assignee!.Uid);
    }

    [Fact]
    public void When_Incydr_refuses_user_lookups_an_id_is_sent_unchecked_and_a_username_is_an_error()
    {
        var judy = Uid("judy");
        Sandbox.Host.Faults.FailNext(1, 403);

        var byId = Session.Run("param($id) Get-Case -Assignee $id -Verbose", new() { ["id"] = judy }).AssertSuccess();
        Sandbox.Host.Faults.FailNext(1, 403);
        Sandbox.Host.Requests.Clear();
        var byName = Session.Run("Get-Case -Assignee judy@example.com");

        Assert.Equal(Sandbox.Host.Cases.Snapshot().Where(c => c.Assignee?.Uid == judy).Select(c => c.Number), byId.Objects<Case>().Select(c => c.Number));
        Assert.Contains(byId.Verbose, line => line == $"Incydr refused to look up user {judy} (403); sending the id unchecked.");
        var error = Assert.Single(byName.Errors);
        Assert.Equal("PermissionDenied,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal("judy@example.com", error.TargetObject);
        Assert.Equal(0, CaseRequests);
    }

    [Fact]
    public void Tab_completion_offers_usernames_prefix_matches_first()
    {
        var offered = Session.Run("(TabExpansion2 -inputScript 'Set-Case -Assignee ca' -cursorColumn 21).CompletionMatches.CompletionText").AssertSuccess()
            .Output.Select(o => (string)o.BaseObject).ToArray();
        var subject = Session.Run("(TabExpansion2 -inputScript 'Get-Case -Subject MAL' -cursorColumn 21).CompletionMatches.CompletionText").AssertSuccess()
            .Output.Select(o => (string)o.BaseObject).ToArray();

        Assert.Equal(["carol@example.com", "caseops-demo", "oscar@example.com"], offered);
        Assert.Equal(["mallory@example.com"], subject);
        Assert.Equal(1, UserRequests); // one listing fills the directory for both
    }
}
