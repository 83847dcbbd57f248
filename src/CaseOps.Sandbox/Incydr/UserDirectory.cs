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

    private readonly Dictionary<string, SandboxUser> byUid;

    private UserDirectory(IReadOnlyList<SandboxUser> people, SandboxUser apiUser)
    {
        People = people;
        ApiUser = apiUser;
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

    /// <summary>Builds the directory deterministically from <paramref name="seed"/>.</summary>
    public static UserDirectory Create(int seed, string clientId)
    {
        // A separate Random keeps the user UIDs stable no matter how many cases get seeded.
        var random = new Random(unchecked(seed * 7919 + 17));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<SandboxUser>(PeopleNames.Length);
        foreach (var name in PeopleNames)
        {
            people.Add(new SandboxUser(NewUid(random, used), name + "@example.com"));
        }

        var apiUser = new SandboxUser(NewUid(random, used), clientId);
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
