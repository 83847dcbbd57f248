namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The seeded users plus the user behind the API client. Immutable after construction, so it is
/// safe to share between request threads without locking.
/// </summary>
public sealed class UserDirectory
{
    private static readonly string[] PeopleNames =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar",
    ];

    private static readonly string[] LastNames =
    [
        "Anders", "Brandt", "Conti", "Dietz", "Engel", "Fischer", "Graf", "Hahn", "Iwanow", "Jansen", "Marsh", "Ortiz",
    ];

    // Mallory is blocked and Oscar deactivated, so the users listing's filters have something to tell apart.
    private const string BlockedName = "mallory";
    private const string InactiveName = "oscar";

    private readonly Dictionary<string, SandboxUser> byUid;

    private UserDirectory(IReadOnlyList<SandboxUser> people, SandboxUser apiUser)
    {
        People = people;
        ApiUser = apiUser;
        Everyone = [.. people, apiUser];
        byUid = new Dictionary<string, SandboxUser>(StringComparer.Ordinal);
        foreach (var user in people)
        {
            byUid[user.Uid] = user;
        }

        byUid[apiUser.Uid] = apiUser;
    }

    /// <summary>People who can be subject or assignee (the API user is not among them).</summary>
    public IReadOnlyList<SandboxUser> People { get; }

    /// <summary>The user the API client acts as: creator / last modifier of cases made through the API.</summary>
    public SandboxUser ApiUser { get; }

    /// <summary>
    /// Everyone <c>GET /v1/users</c> lists, in this order: the people, then the API client's user, since the
    /// case endpoints accept both as subject or assignee (docs/contracts/incydr.md, "Users").
    /// </summary>
    public IReadOnlyList<SandboxUser> Everyone { get; }

    /// <summary>Builds the directory deterministically from <paramref name="seed"/>.</summary>
    public static UserDirectory Create(int seed, string clientId)
    {
        // A separate Random keeps the user UIDs stable no matter how many cases get seeded.
        var random = new Random(unchecked(seed * 7919 + 17));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<SandboxUser>(PeopleNames.Length);
        for (var i = 0; i < PeopleNames.Length; i++)
        {
            var name = PeopleNames[i];
            people.Add(new SandboxUser(NewUid(random, used), name + "@example.com", char.ToUpperInvariant(name[0]) + name[1..], LastNames[i],
                Active: name != InactiveName, Blocked: name == BlockedName));
        }

        var apiUser = new SandboxUser(NewUid(random, used), clientId, "CaseOps", "API client");
        return new UserDirectory(people, apiUser);
    }

    /// <summary>Finds a user (people or API user) by UID.</summary>
    public SandboxUser? Find(string uid) => byUid.GetValueOrDefault(uid);

    // 18 digits, no leading zero: looks like the long numeric UIDs Code42 hands out.
    private static string NewUid(Random random, HashSet<string> used)
    {
        while (true)
        {
            var chars = new char[18];
            chars[0] = (char)('1' + random.Next(9));
            for (var i = 1; i < chars.Length; i++)
            {
                chars[i] = (char)('0' + random.Next(10));
            }

            var uid = new string(chars);
            if (used.Add(uid))
            {
                return uid;
            }
        }
    }
}
