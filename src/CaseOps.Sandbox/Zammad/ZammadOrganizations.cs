namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The two seeded organizations. Only their names are needed (the <c>organization</c> key of
/// expanded tickets); the emulator serves no organization endpoints.
/// </summary>
public static class ZammadOrganizations
{
    /// <summary>Id of "Example Corp" (Bob's organization).</summary>
    public const int ExampleCorp = 1;

    /// <summary>Id of "Acme Ltd".</summary>
    public const int Acme = 2;

    /// <summary>Name of an organization id, or null when unknown.</summary>
    public static string? NameOf(int? id) => id switch
    {
        ExampleCorp => "Example Corp",
        Acme => "Acme Ltd",
        _ => null,
    };
}
