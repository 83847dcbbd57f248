using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Get-IncydrUser against the emulator: listing through PageStream from page 1, filters, users by id (docs/contracts/incydr.md, "Users").</summary>
public sealed class IncydrUserTests : CmdletTestBase
{
    public IncydrUserTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    // The people the seeded cases name, then the API client's user, as the emulator lists them.
    private string[] Everyone => [.. Sandbox.Host.Users.Select(u => u.Username), Sandbox.Host.ApiUser.Username];

    private string[] UserQueries => Sandbox.Host.Requests.Entries.Where(e => e.Path == "/v1/users").Select(e => e.QueryString).ToArray();

    [Fact]
    public void Lists_every_user_once_asking_pages_from_one()
    {
        var users = Session.Run("Get-IncydrUser -PageSize 5").AssertSuccess().Objects<IncydrUser>();

        Assert.Equal(Everyone, users.Select(u => u.Username));
        Assert.Equal(Sandbox.Host.Users[0].Uid, users[0].UserId);
        Assert.Equal("Alice", users[0].FirstName);
        Assert.Equal("Anders", users[0].LastName);
        Assert.True(users[0].Active);
        // 13 users in pages of 5: pages 1, 2 and 3, the last one short. A 0-based client would ask page=0 (a 400).
        Assert.Equal(["?page=1&pageSize=5", "?page=2&pageSize=5", "?page=3&pageSize=5"], UserQueries.Order().ToArray());
    }

    [Fact]
    public void Skip_and_First_ask_only_for_the_page_they_need()
    {
        var users = Session.Run("Get-IncydrUser -PageSize 5 -Skip 5 -First 2").AssertSuccess().Objects<IncydrUser>();

        // Users 6 and 7 are on page 2; asking page 1 or 3 for them would be the off-by-one.
        Assert.Equal(Everyone[5..7], users.Select(u => u.Username));
        Assert.Equal(["?page=2&pageSize=5"], UserQueries);
    }

    [Fact]
    public void IncludeTotalCount_puts_the_number_of_users_first()
    {
        var output = Session.Run("Get-IncydrUser -IncludeTotalCount -First 1").AssertSuccess().Output;

        Assert.Equal((ulong)Everyone.Length, (ulong)output[0].BaseObject);
        Assert.Equal("alice@example.com", ((IncydrUser)output[1].BaseObject).Username);
    }

    [Fact]
    public void Filters_go_to_the_server_as_query_parameters()
    {
        var carol = Session.Run("Get-IncydrUser carol@example.com").AssertSuccess().Objects<IncydrUser>();
        var inactive = Session.Run("Get-IncydrUser -Active:$false").AssertSuccess().Objects<IncydrUser>();
        var blocked = Session.Run("Get-IncydrUser -Blocked").AssertSuccess().Objects<IncydrUser>();

        Assert.Equal("carol@example.com", Assert.Single(carol).Username);
        Assert.Equal("oscar@example.com", Assert.Single(inactive).Username);
        Assert.Equal("mallory@example.com", Assert.Single(blocked).Username);
        Assert.Equal(
            ["?username=carol%40example.com&page=1&pageSize=100", "?active=false&page=1&pageSize=100", "?blocked=true&page=1&pageSize=100"],
            UserQueries);
    }

    [Fact]
    public void Users_by_id_also_from_the_pipeline_by_property_name_and_an_unknown_one_is_reported()
    {
        var bob = Sandbox.Host.Users[1];
        var dave = Sandbox.Host.Users[3];

        var result = Session.Run("param($a, $b) Get-IncydrUser -UserId $a; [pscustomobject]@{ UserId = '999' }, [pscustomobject]@{ UserId = $b } | Get-IncydrUser",
            new() { ["a"] = bob.Uid, ["b"] = dave.Uid });

        Assert.Equal([bob.Username, dave.Username], result.Objects<IncydrUser>().Select(u => u.Username));
        var error = Assert.Single(result.Errors);
        Assert.Equal("UserNotFound,CaseOps.Cmdlets.Users.GetIncydrUserCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("999", error.TargetObject);
        // The emulator's "User 999 not found" says nothing ours does not, so it is not repeated.
        Assert.Equal("User '999' was not found. Request id: " + ((CaseOpsApiException)error.Exception).RequestId + ".", error.ErrorDetails.Message);
    }
}
