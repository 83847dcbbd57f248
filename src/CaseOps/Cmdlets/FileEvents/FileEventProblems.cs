namespace CaseOps.Cmdlets.FileEvents
{
    internal static class FileEventProblems
    {
        /// <summary>An error about one event on a case: FileEventNotFound when either is missing (the server's message says which).</summary>
        public static ErrorContext About(long caseNumber, string eventId) =>
            new ErrorContext($"File event {eventId} on case {caseNumber}", "FileEventNotFound", eventId);
    }
}
