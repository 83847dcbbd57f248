using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>Problem codes and bodies of the file-event endpoints (docs/contracts/incydr.md, Errors).</summary>
public static class EventProblems
{
    /// <summary>Add or remove on a case that is not OPEN.</summary>
    public const string CaseIsClosed = "CASE_IS_CLOSED";

    /// <summary>The event is already on the case.</summary>
    public const string CaseAlreadyHasEvent = "CASE_ALREADY_HAS_EVENT";

    /// <summary>More than 100 ids in one request or more than 1000 on a case.</summary>
    public const string TooManyEvents = "TOO_MANY_EVENTS";

    /// <summary>summary, fileEvents and files all false on a full export.</summary>
    public const string InvalidExportOptions = "INVALID_EXPORT_OPTIONS";

    /// <summary>
    /// Business-rule 400 of the event endpoints: <c>{"problem": code}</c> without a description,
    /// as the real service sends them (docs/contracts/incydr.md, Errors), so clients meet the absent key.
    /// </summary>
    public static IResult Rule(string code) =>
        Results.Json(new EventProblemBody(code), SandboxJson.Options, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>404 for an id that is not in the tenant.</summary>
    public static IResult UnknownEvent(HttpContext context, string eventId) =>
        ErrorResults.Spring(context, StatusCodes.Status404NotFound, $"File event {eventId} not found");

    /// <summary>404 for an event that is not on the case.</summary>
    public static IResult NotOnCase(HttpContext context, string eventId, long caseNumber) =>
        ErrorResults.Spring(context, StatusCodes.Status404NotFound, $"File event {eventId} is not on case {caseNumber}");

    /// <summary>404 for an event without a captured file.</summary>
    public static IResult NoSourceFile(HttpContext context, string eventId) =>
        ErrorResults.Spring(context, StatusCodes.Status404NotFound, $"No source file was captured for file event {eventId}");
}

/// <summary>Problem body without a description.</summary>
/// <param name="Problem">Problem code.</param>
public sealed record EventProblemBody(string Problem);
