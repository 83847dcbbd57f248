namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>Problem codes and failures of the file-event endpoints (docs/contracts/incydr.md, Errors).</summary>
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

    /// <summary>404 for an id that is not in the tenant.</summary>
    public static IncydrFailure UnknownEvent(string eventId) => IncydrFailure.NotFound($"File event {eventId} not found");

    /// <summary>404 for an event that is not on the case.</summary>
    public static IncydrFailure NotOnCase(string eventId, long caseNumber) => IncydrFailure.NotFound($"File event {eventId} is not on case {caseNumber}");

    /// <summary>404 for an event without a captured file.</summary>
    public static IncydrFailure NoSourceFile(string eventId) => IncydrFailure.NotFound($"No source file was captured for file event {eventId}");

    /// <summary>The event when it is on the case, else the <see cref="NotOnCase"/> failure.</summary>
    public static FileEventRecord OnCase(FileEventStore events, long caseNumber, string eventId) =>
        events.IsOnCase(caseNumber, eventId) && events.Find(eventId) is { } fileEvent ? fileEvent : throw NotOnCase(eventId, caseNumber);
}
