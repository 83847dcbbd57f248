using System.Management.Automation;
using System.Text.Json;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>New-Ticket, Set-Ticket and Remove-Ticket against the emulator.</summary>
public sealed class TicketWriteTests : ZammadCmdletTestBase
{
    public TicketWriteTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private Ticket NewTicket(string title, string extra = "") =>
        Session.Run($"param($t) New-Ticket -Title $t -Group 'Insider Risk' -Customer bob@example.com -Body 'First words' {extra}", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single();

    [Fact]
    public void New_ticket_resolves_names_and_creates_the_first_article()
    {
        var created = NewTicket("USB stick found in the car park", "-State open -Priority '3 high' -Owner nicole.braun -ArticleType phone -Internal -Tag usb, lost");

        Assert.Equal("Insider Risk", created.Group);
        Assert.Equal("open", created.State);
        Assert.Equal("3 high", created.Priority);
        Assert.Equal("nicole.braun", created.Owner);
        Assert.Equal("bob@example.com", created.Customer);
        var article = Assert.Single(Sandbox.Host.Zammad.Articles.ArticlesOf((int)created.Id));
        Assert.Equal("First words", article.Body);
        Assert.Equal(CaseOps.Sandbox.Zammad.ZammadLookups.PhoneType, article.TypeId);
        Assert.True(article.Internal);
        Assert.Equal(1, created.ArticleCount);
        Assert.Equal(new[] { "usb", "lost" }, TagsOf(created.Id));
        Assert.Equal(1, Sent("POST", "tickets"));
    }

    [Fact]
    public void New_ticket_takes_the_ticket_fields_of_piped_rows_by_property_name()
    {
        var created = Session.Run(
            "@([pscustomobject]@{ Title = 'Row one'; Customer = 'bob@example.com'; Group = 'Insider Risk'; State = 'open'; Priority = '3 high'; Owner = 'nicole.braun' }," +
            " [pscustomobject]@{ Title = 'Row two'; Customer = 'bob@example.com'; Group = 'Users' }) | New-Ticket -Priority '1 low'")
            .AssertSuccess().Objects<Ticket>().ToList();

        Assert.Equal(new[] { "Row one", "Row two" }, created.Select(t => t.Title));
        Assert.Equal(("Insider Risk", "open", "nicole.braun"), (created[0].Group, created[0].State, created[0].Owner));
        Assert.Equal("Users", created[1].Group);
        // A parameter given on the command line applies to every row: PowerShell binds a piped property only to a parameter still unbound.
        Assert.Equal(new[] { "1 low", "1 low" }, created.Select(t => t.Priority));
    }

    [Fact]
    public void New_ticket_with_a_guessed_customer_creates_the_customer()
    {
        var created = Session.Run("New-Ticket -Title 'Guess who' -Group Users -Customer guess:new.person@example.com").AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal("new.person@example.com", created.Customer);
        Assert.NotEqual(0, created.CustomerId);
    }

    [Theory]
    [InlineData("-Group Nowhere", "UnknownGroup", "Nowhere", "Insider Risk")]
    [InlineData("-State pondering", "UnknownState", "pondering", "closed")]
    [InlineData("-Priority urgent", "UnknownPriority", "urgent", "2 normal")]
    [InlineData("-Owner bob@example.com", "UnknownOwner", "bob@example.com", "nicole.braun")]
    public void Unknown_names_are_errors_listing_the_valid_values_and_nothing_is_sent(string parameter, string errorId, string value, string validChoice)
    {
        var group = parameter.StartsWith("-Group") ? string.Empty : "-Group Users";
        var result = Session.Run($"New-Ticket -Title 'Never sent' {group} -Customer bob@example.com {parameter}");

        var error = result.FirstError;
        Assert.Equal(errorId + ",CaseOps.Cmdlets.Tickets.NewTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'" + value + "'", error.ErrorDetails.Message);
        Assert.Contains("'" + validChoice + "'", error.ErrorDetails.Message);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void A_422_is_InvalidData_with_the_servers_words()
    {
        var result = Session.Run("New-Ticket -Title 'Nobody' -Group Users -Customer no.such.customer@example.com");

        var error = result.FirstError;
        Assert.Equal("InvalidData,CaseOps.Cmdlets.Tickets.NewTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("No lookup value found for 'customer'", error.ErrorDetails.Message);
    }

    [Fact]
    public void Custom_fields_round_trip_through_create_get_and_set()
    {
        var created = NewTicket("Custom fields", "-Property @{ incident_ref = 'IR-2026-7'; risk_score = 80 }");
        Assert.Equal("IR-2026-7", Session.Run("param($id) (Get-Ticket -Id $id).incident_ref", new() { ["id"] = created.Id }).AssertSuccess().Output.Single().BaseObject);

        Session.Run("param($id) Set-Ticket -Id $id -Property @{ risk_score = 95; department = 'Finance' }", new() { ["id"] = created.Id }).AssertSuccess();

        var wire = ReadTicket(created.Id)!.Value;
        Assert.Equal("IR-2026-7", wire.GetProperty("incident_ref").GetString());
        Assert.Equal(95, wire.GetProperty("risk_score").GetInt32());
        Assert.Equal("Finance", wire.GetProperty("department").GetString());
    }

    [Fact]
    public void Set_ticket_by_parameters_sends_only_those_fields()
    {
        var before = ReadTicket(8)!.Value;

        var updated = Session.Run("Set-Ticket -Id 8 -State closed -Owner max.mustermann -PassThru").AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal("closed", updated.State);
        Assert.Equal("max.mustermann", updated.Owner);
        var after = ReadTicket(8)!.Value;
        Assert.Equal(before.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.Equal(before.GetProperty("priority_id").GetInt64(), after.GetProperty("priority_id").GetInt64());
        Assert.Equal(1, Sent("PUT", "tickets/8"));
    }

    [Fact]
    public void Piping_an_edited_ticket_saves_its_edited_properties_including_custom_fields()
    {
        var result = Session.Run("$t = Get-Ticket -Id 9 -Expand; $t.Title = 'Edited in the pipeline'; $t.State = 'open'; $t.incident_ref = 'IR-PIPE'; $t | Set-Ticket -PassThru").AssertSuccess();

        var updated = result.Objects<Ticket>().Single();
        Assert.Equal("Edited in the pipeline", updated.Title);
        var wire = ReadTicket(9)!.Value;
        Assert.Equal("open", wire.GetProperty("state").GetString());
        Assert.Equal("IR-PIPE", wire.GetProperty("incident_ref").GetString());
    }

    [Fact]
    public void Piping_unchanged_tickets_with_parameters_changes_each()
    {
        var ids = Session.Run("Get-Ticket -Query 'title:USB' -First 3 | Set-Ticket -Priority '1 low' -PassThru | ForEach-Object Id").AssertSuccess().Output.Select(o => (long)o.BaseObject).ToList();

        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Equal("1 low", ReadTicket(id)!.Value.GetProperty("priority").GetString()));
        Assert.Equal(3, Sent("PUT", "tickets/"));
    }

    [Fact]
    public void Set_ticket_without_changes_warns_and_sends_nothing()
    {
        var result = Session.Run("Get-Ticket -Id 10 | Set-Ticket").AssertSuccess();

        Assert.Contains(result.Warnings, w => w.Contains("nothing to change"));
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void WhatIf_changes_nothing()
    {
        var title = ReadTicket(11)!.Value.GetProperty("title").GetString();

        Session.Run("Set-Ticket -Id 11 -Title 'What if' -WhatIf; New-Ticket -Title x -Group Users -Customer bob@example.com -WhatIf; Remove-Ticket -Id 11 -WhatIf").AssertSuccess();

        Assert.Equal(0, Changes);
        Assert.Equal(title, ReadTicket(11)!.Value.GetProperty("title").GetString());
    }

    [Fact]
    public void Set_ticket_on_a_missing_ticket_is_TicketNotFound()
    {
        var result = Session.Run("Set-Ticket -Id 88888 -Title 'Nope'");

        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.SetTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(88888L, result.FirstError.TargetObject);
    }

    [Fact]
    public void Remove_ticket_deletes_with_force_and_reports_missing_ones()
    {
        var created = NewTicket("To be removed");

        var result = Session.Run("param($id) $id, 77777 | Remove-Ticket -Force", new() { ["id"] = created.Id });

        Assert.Null(ReadTicket(created.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.RemoveTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(77777L, error.TargetObject);
    }

    [Fact]
    public void Remove_ticket_without_admin_rights_is_PermissionDenied()
    {
        Session.ConnectZammad(Sandbox.Host, Sandbox.Host.Options.ZammadAgentToken).AssertSuccess();

        var result = Session.Run("Remove-Ticket -Id 12 -Force");

        Assert.Equal("PermissionDenied,CaseOps.Cmdlets.Tickets.RemoveTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.NotNull(ReadTicket(12));
    }
}
