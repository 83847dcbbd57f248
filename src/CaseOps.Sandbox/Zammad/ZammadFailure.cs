namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// An error answer in Zammad's shape (<c>{"error":..,"error_human":..}</c>), thrown from deep inside
/// a handler or service and turned into the response by <see cref="ZammadAuthFilter"/>. Exceptions
/// keep the services free of result plumbing; they are rare (client mistakes), so their cost is irrelevant.
/// </summary>
public sealed class ZammadFailure : Exception
{
    /// <summary>Creates the failure.</summary>
    public ZammadFailure(int status, string message)
        : base(message) => Status = status;

    /// <summary>HTTP status to answer.</summary>
    public int Status { get; }

    /// <summary>422 with the given text.</summary>
    public static ZammadFailure Unprocessable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);

    /// <summary>403 <c>Not authorized</c>.</summary>
    public static ZammadFailure NotAuthorized() => new(StatusCodes.Status403Forbidden, "Not authorized");

    /// <summary>404 <c>Couldn't find &lt;model&gt; with 'id'=&lt;id&gt;</c>, Rails' record-not-found text.</summary>
    public static ZammadFailure NotFound(string model, string id) => new(StatusCodes.Status404NotFound, $"Couldn't find {model} with 'id'={id}");

    /// <summary>422 <c>No lookup value found for '&lt;field&gt;': "&lt;value&gt;"</c>.</summary>
    public static ZammadFailure NoLookup(string field, string value) => Unprocessable($"No lookup value found for '{field}': \"{value}\"");
}
