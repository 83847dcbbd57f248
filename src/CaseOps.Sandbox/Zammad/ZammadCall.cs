namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// What the auth filter established for one request: who acts (after impersonation), who
/// authenticated, and the merged parameters. Handlers fetch it with <see cref="Of"/>.
/// </summary>
/// <param name="User">The acting user (the impersonated one, if any): creator/modifier of changes, and whose rights apply.</param>
/// <param name="RealUser">The user the credentials belong to.</param>
/// <param name="Params">Query and body parameters merged.</param>
public sealed record ZammadCall(ZammadUser User, ZammadUser RealUser, ZammadParams Params)
{
    private static readonly object ItemKey = new();

    /// <summary>True when <c>expand</c> is <c>true</c> or <c>1</c>.</summary>
    public bool Expand => Params.Bool("expand");

    /// <summary>The call stored by the filter for this request.</summary>
    public static ZammadCall Of(HttpContext context) =>
        context.Items[ItemKey] as ZammadCall ?? throw new InvalidOperationException("The Zammad auth filter did not run.");

    /// <summary>Stores the call for the handler.</summary>
    internal static void Set(HttpContext context, ZammadCall call) => context.Items[ItemKey] = call;

    /// <summary>Throws 403 <c>Not authorized</c> unless the acting user is an agent.</summary>
    public void RequireAgent()
    {
        if (!User.IsAgent)
        {
            throw ZammadFailure.NotAuthorized();
        }
    }

    /// <summary>Throws 403 <c>Not authorized</c> unless the acting user is an admin.</summary>
    public void RequireAdmin()
    {
        if (!User.IsAdmin)
        {
            throw ZammadFailure.NotAuthorized();
        }
    }

    /// <summary>Agents read every ticket; customers only their own.</summary>
    public bool CanRead(ZammadTicket ticket) => User.IsAgent || ticket.CustomerId == User.Id;
}
