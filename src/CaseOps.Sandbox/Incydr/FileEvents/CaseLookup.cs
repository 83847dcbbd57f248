using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// Resolves the <c>{number}</c> path segment to a case the way the case routes do: a non-integer
/// is Spring's 400, an unknown number its 404.
/// </summary>
public static class CaseLookup
{
    /// <summary>The case, or null with <paramref name="error"/> set to the answer to send.</summary>
    public static CaseRecord? Find(CaseStore cases, HttpContext context, string number, out IResult? error)
    {
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = ErrorResults.Spring(context, StatusCodes.Status400BadRequest, $"Case number '{number}' is not an integer");
            return null;
        }

        if (cases.Find(value) is { } record)
        {
            error = null;
            return record;
        }

        error = ErrorResults.Spring(context, StatusCodes.Status404NotFound, $"Case {value} not found");
        return null;
    }
}
