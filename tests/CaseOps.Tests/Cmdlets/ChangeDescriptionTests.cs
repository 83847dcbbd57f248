using CaseOps.Cmdlets.Common;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>What prompts say about a change (docs/architecture.md, "Prompts").</summary>
public sealed class ChangeDescriptionTests
{
    [Fact]
    public void Only_fields_that_change_are_listed_old_to_new()
    {
        var change = new ChangeDescription()
            .Field("Status", "OPEN", "CLOSED")
            .Field("Name", "Same", "Same")
            .Field("Assignee", null, "jdoe@example.com")
            .Set("Findings", "");

        Assert.Equal("Status: 'OPEN' -> 'CLOSED'; Assignee: (none) -> 'jdoe@example.com'; Findings -> (empty)", change.ToString());
        Assert.False(change.IsEmpty);
    }

    [Fact]
    public void No_changing_field_says_so()
    {
        var change = new ChangeDescription().Field("Priority", 2L, 2L);

        Assert.True(change.IsEmpty);
        Assert.Equal("no change", change.ToString());
    }

    [Fact]
    public void Values_are_shown_culture_free_short_and_on_one_line()
    {
        Assert.Equal("2026-12-04 09:30:00Z", ChangeDescription.Show(new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("1.5", ChangeDescription.Show(1.5m));
        Assert.Equal("['a', 'b']", ChangeDescription.Show(new[] { "a", "b" }));
        Assert.Equal("'two lines'", ChangeDescription.Show("two\nlines"));
        var shown = ChangeDescription.Show(new string('x', 100));
        Assert.Equal(62, shown.Length); // 57 characters, "...", two quotes
        Assert.EndsWith("...'", shown);
    }

    [Fact]
    public void Targets_name_the_object_by_number_and_name()
    {
        Assert.Equal("Case 42 'Laptop USB copy'", ChangeDescription.Target("Case", "42", "Laptop USB copy"));
        Assert.Equal("Ticket #31001", ChangeDescription.Target("Ticket", "#31001", null));
    }
}
