namespace CaseOps.Cmdlets.Cases
{
    /// <summary>What the Incydr cases API's problem codes mean to a user.</summary>
    internal static class CaseProblems
    {
        /// <summary>An error about case <paramref name="number"/>: named "Case N", CaseNotFound when it is missing.</summary>
        public static ErrorContext About(long number, object? target = null) =>
            new ErrorContext($"Case {number}", "CaseNotFound", target ?? number);

        public static KnownProblem? Map(string code)
        {
            switch (code)
            {
                case "NAME_EXISTS": return new KnownProblem("CaseNameExists", ErrorCategory.ResourceExists, "{0}: a case with this name already exists. Case names are unique in a tenant.");
                case "NAME_EMPTY": return new KnownProblem("CaseNameInvalid", ErrorCategory.InvalidArgument, "{0}: the case name must not be empty.");
                case "NAME_TOO_LONG": return new KnownProblem("CaseNameInvalid", ErrorCategory.InvalidArgument, "{0}: the case name is longer than 50 characters.");
                case "DESCRIPTION_TOO_LONG": return new KnownProblem("CaseDescriptionInvalid", ErrorCategory.InvalidArgument, "{0}: the description is longer than 250 characters.");
                case "FINDINGS_TOO_LONG": return new KnownProblem("CaseFindingsInvalid", ErrorCategory.InvalidArgument, "{0}: the findings are longer than 30,000 characters.");
                case "NO_EDITS_ONCE_CLOSED": return new KnownProblem("CaseClosed", ErrorCategory.InvalidOperation, "{0} is closed and can no longer be changed.");
                case "NO_EDITS_ONCE_ARCHIVED": return new KnownProblem("CaseArchived", ErrorCategory.InvalidOperation, "{0} is archived and can no longer be changed.");
                case "INVALID_USER": return new KnownProblem("CaseUserInvalid", ErrorCategory.InvalidArgument, "{0}: Incydr does not know the user id given ({1}). -Subject and -Assignee take user UIDs.");
                case "INVALID_CHAR_IN_REQUEST": return new KnownProblem("CaseInvalidCharacter", ErrorCategory.InvalidArgument, "{0}: the request contains a character Incydr does not accept.");
                case "INVALID_TIME_INTERVAL": return new KnownProblem("CaseInvalidTimeRange", ErrorCategory.InvalidArgument, "{0}: Incydr refused the time range ({1}).");
                case "USER_VALIDATION_FORBIDDEN": return new KnownProblem("CaseUserValidationForbidden", ErrorCategory.PermissionDenied, "{0}: the API client may not look up users to validate the subject or assignee.");
                case "USER_VALIDATION_UNAVAILABLE": return new KnownProblem("CaseUserValidationUnavailable", ErrorCategory.ConnectionError, "{0}: Incydr could not validate the subject or assignee right now; try again later.");
                case "CASE_IS_CLOSED": return new KnownProblem("CaseClosed", ErrorCategory.InvalidOperation, "{0} is not open, so its file events can no longer be changed.");
                case "CASE_ALREADY_HAS_EVENT": return new KnownProblem("FileEventAlreadyOnCase", ErrorCategory.ResourceExists, "{0}: the file event is already on the case.");
                case "TOO_MANY_EVENTS": return new KnownProblem("CaseEventLimit", ErrorCategory.LimitsExceeded, "{0}: Incydr refused the events: too many for one request or for the case.");
                case "INVALID_EXPORT_OPTIONS": return new KnownProblem("NothingToExport", ErrorCategory.InvalidArgument, "{0}: the export must include at least the summary, the file events or the files.");
                default: return null;
            }
        }
    }
}
