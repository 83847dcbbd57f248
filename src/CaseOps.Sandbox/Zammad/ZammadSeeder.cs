using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Deterministic seed tickets (same seed, count and anchor → same data): titles from a short list
/// (several mention USB), a mix of states (no merged), priorities, groups and owners, every sixth
/// ticket for bob@example.com, 1–3 articles, a few tags and custom field values, created over the
/// 30 days before the anchor with distinct <c>updated_at</c> values.
/// </summary>
internal static class ZammadSeeder
{
    private static readonly string[] Titles =
    [
        "USB stick lost", "Printer jam", "VPN drops", "USB copy of payroll", "Password reset", "Laptop stolen",
        "Phishing mail reported", "USB drive found in lobby", "Email bounce", "Access request for HR share",
        "Large upload to personal cloud", "Screen flickers", "Badge not working", "Data export by departing employee",
    ];

    private static readonly string[] Openers =
    [
        "Hello team, I need help with this.", "Hi, this started this morning.", "Good afternoon, please have a look.",
        "Dear support, this is urgent for our department.",
    ];

    private static readonly string[] Notes =
    [
        "Called the user, waiting for details.", "Checked the logs, nothing unusual yet.", "Escalated to the security team.",
        "Asked the manager for approval.", "Replaced the device.", "Informed the user about the policy.",
    ];

    private static readonly string[] Departments = ["Finance", "HR", "Engineering", "Sales", "Legal"];

    /// <summary>Appends <paramref name="count"/> tickets to an empty instance.</summary>
    public static void Seed(ZammadApi api, int count, int seed, DateTime anchorUtc)
    {
        var random = new Random(unchecked((seed * 7907) + 3));
        var anchor = ZammadTime.TruncateToMilliseconds(anchorUtc);
        var start = anchor.AddDays(-30);
        var step = TimeSpan.FromDays(30) / Math.Max(count, 1);
        var customers = api.Users.All.Where(u => u.RoleIds.SequenceEqual([ZammadUser.CustomerRole]) && u.Id != ZammadUser.SystemId && u.Login != "bob@example.com").ToArray();
        var usedUpdates = new HashSet<DateTime>();
        var latest = anchor;

        lock (api.Gate)
        {
            for (var i = 1; i <= count; i++)
            {
                var title = Titles[random.Next(Titles.Length)];
                var created = ZammadTime.TruncateToMilliseconds(start + (step * (i - 1)) + (step * random.NextDouble() / 2));
                var room = anchor - created - TimeSpan.FromMinutes(1);
                var updated = ZammadTime.TruncateToMilliseconds(created + TimeSpan.FromTicks((long)(Math.Min(room.Ticks, TimeSpan.FromDays(3).Ticks) * random.NextDouble())));
                while (!usedUpdates.Add(updated))
                {
                    updated = updated.AddMilliseconds(1);
                }

                var customer = i % 6 == 2 ? api.Users.FindByLoginOrEmail("bob@example.com")! : customers[random.Next(customers.Length)];
                var ownerId = random.Next(10) < 3 ? ZammadUser.SystemId : 2 + random.Next(4);
                var actorId = ownerId == ZammadUser.SystemId ? ZammadUserDirectory.AdminId : ownerId;
                var stateId = random.Next(20) switch { < 5 => 1, < 12 => 2, < 14 => 3, _ => 4 };
                var inbound = random.Next(10) < 6;

                var ticket = new ZammadTicket
                {
                    Title = title,
                    GroupId = 1 + random.Next(3),
                    PriorityId = random.Next(10) switch { < 2 => 1, < 8 => 2, _ => 3 },
                    StateId = stateId,
                    OwnerId = ownerId,
                    CustomerId = customer.Id,
                    OrganizationId = customer.OrganizationId,
                    PendingTime = stateId == 3 ? updated.AddDays(2) : null,
                    CloseAt = stateId == 4 ? updated : null,
                    CreatedById = inbound ? customer.Id : actorId,
                    UpdatedById = actorId,
                    CreatedAt = created,
                    UpdatedAt = updated,
                };
                SeedCustomFields(api, ticket, random, i);

                var articles = new List<ZammadArticle>
                {
                    inbound
                        ? new ZammadArticle
                        {
                            TypeId = ZammadLookups.EmailType, SenderId = ZammadLookups.CustomerSender, From = $"{customer.FullName} <{customer.Email}>",
                            To = "support@example.com", Subject = title, Body = $"{Openers[random.Next(Openers.Length)]} {title}.", CreatedById = customer.Id, CreatedAt = created,
                        }
                        : new ZammadArticle
                        {
                            TypeId = ZammadLookups.PhoneType, SenderId = ZammadLookups.AgentSender, From = api.Users.Find(actorId)!.FullName,
                            To = customer.Email, Subject = title, Body = $"Customer called: {title}.", CreatedById = actorId, CreatedAt = created,
                        },
                };
                var extra = random.Next(3);
                for (var a = 1; a <= extra; a++)
                {
                    articles.Add(new ZammadArticle
                    {
                        TypeId = ZammadLookups.NoteType, SenderId = ZammadLookups.AgentSender, From = api.Users.Find(actorId)!.FullName,
                        Body = Notes[random.Next(Notes.Length)], Internal = random.Next(2) == 0, CreatedById = actorId,
                        CreatedAt = ZammadTime.TruncateToMilliseconds(created + ((updated - created) * a / (extra + 1))),
                    });
                }

                api.Tickets.Insert(ticket, articles, Tags(title, random));
                if (updated > latest)
                {
                    latest = updated;
                }
            }
        }

        api.Clock.Observe(latest);
    }

    private static List<string> Tags(string title, Random random)
    {
        var tags = new List<string>();
        if (title.Contains("USB", StringComparison.Ordinal))
        {
            tags.Add("usb");
        }

        if (title.StartsWith("Phishing", StringComparison.Ordinal) || title.StartsWith("Email", StringComparison.Ordinal))
        {
            tags.Add("phishing");
        }

        if (title is "Laptop stolen" or "Printer jam" or "Screen flickers" or "Badge not working")
        {
            tags.Add("hardware");
        }

        if (random.Next(100) < 15)
        {
            tags.Add("vip");
        }

        return tags;
    }

    private static void SeedCustomFields(ZammadApi api, ZammadTicket ticket, Random random, int index)
    {
        // Draw every value even when the field is not configured, so the rest of the data does not shift.
        var incident = random.Next(10) < 4 ? JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"INC-{1000 + index}")) : null;
        var risk = random.Next(10) < 3 ? JsonValue.Create(random.Next(101)) : null;
        var department = random.Next(2) == 0 ? JsonValue.Create(Departments[random.Next(Departments.Length)]) : null;
        foreach (var (name, value) in new (string, JsonNode?)[] { ("incident_ref", incident), ("risk_score", risk), ("department", department) })
        {
            if (value is not null && api.CustomFieldNames.Contains(name))
            {
                ticket.CustomFields[name] = value;
            }
        }
    }
}
