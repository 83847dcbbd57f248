using CaseOps.Sandbox.Incydr;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>The generated data set: deterministic, unique, plausible. Works on stores directly (no HTTP).</summary>
public sealed class SeedDataTests
{
    private static readonly DateTime Anchor = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<CaseRecord> Seed(int count, int seed)
    {
        using var store = new CaseStore(UserDirectory.Create(seed, "client"));
        store.Seed(count, seed, Anchor);
        return store.Snapshot();
    }

    [Fact]
    public void Same_seed_gives_the_same_cases_and_users()
    {
        Assert.Equal(Seed(500, 42), Seed(500, 42));
        Assert.Equal(UserDirectory.Create(42, "c").People, UserDirectory.Create(42, "c").People);
    }

    [Fact]
    public void Different_seeds_give_different_cases()
    {
        Assert.NotEqual(Seed(100, 1).Select(c => c.Name), Seed(100, 2).Select(c => c.Name));
    }

    [Fact]
    public void Users_have_digit_uids_and_example_usernames()
    {
        var users = UserDirectory.Create(42, "caseops-demo");

        Assert.True(users.People.Count >= 5);
        Assert.All(users.People, u => Assert.Matches("^[1-9][0-9]{17}$", u.Uid));
        Assert.Contains(users.People, u => u.Username == "alice@example.com");
        Assert.Equal(users.People.Count + 1, users.People.Select(u => u.Uid).Append(users.ApiUser.Uid).Distinct().Count());
        Assert.Equal("caseops-demo", users.ApiUser.Username);
    }

    [Fact]
    public void Cases_are_numbered_from_one_with_unique_valid_names()
    {
        var cases = Seed(2000, 42);

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), cases.Select(c => c.Number));
        Assert.Equal(2000, cases.Select(c => c.Name.ToUpperInvariant()).Distinct().Count());
        Assert.All(cases, c => Assert.InRange(c.Name.Length, 1, CaseRules.MaxNameLength));
        Assert.StartsWith("Case 00001 – ", cases[0].Name);
        Assert.True(cases.Select(c => c.Name[13..]).Distinct().Count() > 10, "names should vary");
    }

    [Fact]
    public void Statuses_are_mixed_and_archived_cases_have_an_archival_time()
    {
        var cases = Seed(2000, 42);
        var open = cases.Count(c => c.Status == CaseStatus.OPEN);
        var closed = cases.Count(c => c.Status == CaseStatus.CLOSED);
        var archived = cases.Count(c => c.Status == CaseStatus.ARCHIVED);

        Assert.True(open > closed && closed > 0 && archived > 0, $"{open}/{closed}/{archived}");
        Assert.All(cases, c => Assert.Equal(c.Status == CaseStatus.ARCHIVED, c.ArchivalTime is not null));
    }

    [Fact]
    public void Timestamps_lie_in_the_year_before_the_anchor_with_updates_after_creation()
    {
        var cases = Seed(2000, 42);

        Assert.All(cases, c =>
        {
            Assert.InRange(c.CreatedAt, Anchor.AddDays(-365), Anchor);
            Assert.InRange(c.UpdatedAt, c.CreatedAt, Anchor);
            Assert.Equal(DateTimeKind.Utc, c.CreatedAt.Kind);
            Assert.Equal(0, c.CreatedAt.Ticks % 10);
        });
        Assert.True((cases[^1].CreatedAt - cases[0].CreatedAt).TotalDays > 300, "creation times should spread over the year");
        Assert.Contains(cases, c => c.UpdatedAt > c.CreatedAt);
    }

    [Fact]
    public void Seeded_people_fill_subject_assignee_and_creator()
    {
        var users = UserDirectory.Create(42, "client");
        var cases = Seed(2000, 42);

        Assert.Contains(cases, c => c.Assignee is null);
        Assert.Contains(cases, c => c.Subject is null);
        Assert.All(cases.Where(c => c.Assignee is not null), c => Assert.Contains(c.Assignee!, users.People));
        Assert.All(cases, c => Assert.Contains(c.CreatedBy!, users.People));
        Assert.True(cases.Select(c => c.Assignee?.Uid).Distinct().Count() > 5);
    }

    [Fact]
    public void Store_add_assigns_the_next_number_and_refuses_duplicate_names()
    {
        using var store = new CaseStore(UserDirectory.Create(1, "c"));
        store.Seed(3, 1, Anchor);
        var template = new CaseRecord { Number = 0, Name = "Planted", Status = CaseStatus.CLOSED, CreatedAt = Anchor, UpdatedAt = Anchor };

        var added = store.Add(template);

        Assert.Equal(4, added.Number);
        Assert.Equal(4, store.Count);
        Assert.Same(added, store.Find(4));
        Assert.Throws<InvalidOperationException>(() => store.Add(template with { Name = "PLANTED" }));
    }

    [Fact]
    public void Deleted_numbers_are_not_reused()
    {
        using var store = new CaseStore(UserDirectory.Create(1, "c"));
        var users = UserDirectory.Create(1, "c");
        store.Seed(5, 1, Anchor);

        Assert.True(store.Delete(5));
        var created = store.Create(new CaseEdit("New one"), users.ApiUser);

        Assert.Equal(6, created.Number);
        Assert.False(store.Delete(5));
    }
}
