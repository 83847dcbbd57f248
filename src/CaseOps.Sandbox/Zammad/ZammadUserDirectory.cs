using System.Globalization;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Zammad users: the system user, the admin, three agents and seeded customers, plus customers
/// created on the fly by <c>customer_id: "guess:&lt;email&gt;"</c>. Thread-safe (one small lock).
/// </summary>
public sealed class ZammadUserDirectory
{
    /// <summary>Id of the admin user the main token acts as.</summary>
    public const int AdminId = 2;

    /// <summary>Id of <c>agent.smith</c>, the agent the agent token acts as.</summary>
    public const int AgentSmithId = 3;

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Lena", "Mia", "Noah", "Olga", "Paul",
        "Rosa", "Sven", "Tara", "Uwe", "Vera",
    ];

    private static readonly string[] LastNames =
    [
        "Adler", "Becker", "Conrad", "Dietrich", "Engel", "Fischer", "Graf", "Hahn", "Jung", "Keller", "Lang", "Maier", "Neumann",
        "Otto", "Peters", "Roth", "Schulz", "Vogel", "Wolf", "Zimmer",
    ];

    private readonly object gate = new();
    private readonly List<ZammadUser> users = [];

    private ZammadUserDirectory()
    {
    }

    /// <summary>All users, id ascending.</summary>
    public IReadOnlyList<ZammadUser> All
    {
        get { lock (gate) { return users.ToArray(); } }
    }

    /// <summary>Seeds the fixed users and about 20 customers (deterministic for <paramref name="seed"/>).</summary>
    public static ZammadUserDirectory Create(int seed, DateTime anchorUtc)
    {
        var directory = new ZammadUserDirectory();
        var at = ZammadTime.TruncateToMilliseconds(anchorUtc.AddDays(-90));
        int[] agent = [ZammadUser.AgentRole];
        int[] customer = [ZammadUser.CustomerRole];
        directory.users.Add(new ZammadUser(ZammadUser.SystemId, "-", "-", string.Empty, string.Empty, false, customer, null, at, at));
        directory.users.Add(new ZammadUser(AdminId, "admin", "Admin", "Istrator", "admin@example.com", true, [ZammadUser.AdminRole, ZammadUser.AgentRole], null, at, at));
        directory.users.Add(new ZammadUser(AgentSmithId, "agent.smith", "Agent", "Smith", "agent.smith@example.com", true, agent, null, at, at));
        directory.users.Add(new ZammadUser(4, "nicole.braun", "Nicole", "Braun", "nicole.braun@example.com", true, agent, null, at, at));
        directory.users.Add(new ZammadUser(5, "max.mustermann", "Max", "Mustermann", "max.mustermann@example.com", true, agent, null, at, at));
        directory.users.Add(new ZammadUser(6, "bob@example.com", "Bob", "Example", "bob@example.com", true, customer, ZammadOrganizations.ExampleCorp, at, at));

        // Customers: distinct first/last pairs drawn from the seed; a separate Random keeps them
        // stable whatever the ticket count.
        var random = new Random(unchecked((seed * 31) + 7));
        var taken = new HashSet<string>(StringComparer.Ordinal) { "bob@example.com" };
        while (directory.users.Count < 26)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}@example.com").ToLowerInvariant();
            if (taken.Add(email))
            {
                var organization = random.Next(3) == 0 ? (int?)ZammadOrganizations.Acme : null;
                directory.users.Add(new ZammadUser(directory.users.Count + 1, email, first, last, email, true, customer, organization, at, at));
            }
        }

        return directory;
    }

    /// <summary>The user with this id, or null.</summary>
    public ZammadUser? Find(int id)
    {
        lock (gate)
        {
            return id >= 1 && id <= users.Count ? users[id - 1] : null;
        }
    }

    /// <summary>The user with this login or email (case-insensitive), or null.</summary>
    public ZammadUser? FindByLoginOrEmail(string value)
    {
        lock (gate)
        {
            return users.Find(u => u.Login.Equals(value, StringComparison.OrdinalIgnoreCase))
                ?? users.Find(u => u.Email.Length > 0 && u.Email.Equals(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Resolves an id, login or email (the forms X-On-Behalf-Of accepts).</summary>
    public ZammadUser? Resolve(string value)
    {
        var trimmed = value.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Find(id);
        }

        return trimmed.Length == 0 ? null : FindByLoginOrEmail(trimmed);
    }

    /// <summary>
    /// The user with this email, or a new customer (login = email, first name = the local part) when
    /// there is none: Zammad's <c>guess:</c> customer lookup.
    /// </summary>
    public ZammadUser FindOrCreateCustomer(string email, DateTime now)
    {
        lock (gate)
        {
            if (users.Find(u => u.Email.Equals(email, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                return existing;
            }

            var user = new ZammadUser(users.Count + 1, email.ToLowerInvariant(), email[..email.IndexOf('@', StringComparison.Ordinal)], string.Empty, email.ToLowerInvariant(), true, [ZammadUser.CustomerRole], null, now, now);
            users.Add(user);
            return user;
        }
    }
}
