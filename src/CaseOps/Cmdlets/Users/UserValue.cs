namespace CaseOps.Cmdlets.Users
{
    /// <summary>A resolved user: the id the case endpoints take and, when known, the username prompts show.</summary>
    internal sealed class UserValue
    {
        public static readonly UserValue None = new UserValue(null, null);

        public UserValue(string? id, string? username)
        {
            Id = id;
            Username = username;
        }

        public string? Id { get; }
        public string? Username { get; }

        /// <summary>How prompts show the user: the username, else the id, else none.</summary>
        public string? Shown => Username ?? Id;

        public override string ToString() => Shown ?? string.Empty;
    }
}
