using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CaseOps.Sandbox.Incydr;

/// <summary>Turns the query string of <c>GET /v1/cases</c> into a <see cref="CaseQuery"/> (docs/contracts/incydr.md, Case list query).</summary>
public static class CaseQueryParser
{
    /// <summary>Largest accepted pgSize (the real maximum is open: docs/contracts/incydr.md, Paging).</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Parses the query; on failure returns null and sets <paramref name="problem"/>.</summary>
    public static CaseQuery? Parse(IQueryCollection query, out CaseProblem? problem)
    {
        problem = null;

        var statuses = new HashSet<CaseStatus>();
        foreach (var value in Values(query, "status"))
        {
            if (!TryParseEnum(value, out CaseStatus status))
            {
                problem = Invalid($"status must be one of OPEN, CLOSED, ARCHIVED, not '{value}'");
                return null;
            }

            statuses.Add(status);
        }

        bool? isAssigned = null;
        if (Single(query, "isAssigned") is { } assignedText)
        {
            // bool.TryParse is case-insensitive, as docs/contracts/incydr.md, Conventions asks
            // (true/True/false/False all occur).
            if (!bool.TryParse(assignedText, out var assigned))
            {
                problem = Invalid($"isAssigned must be true or false, not '{assignedText}'");
                return null;
            }

            isAssigned = assigned;
        }

        var createdAt = ParseInterval(query, "createdAt", ref problem);
        var updatedAt = ParseInterval(query, "updatedAt", ref problem);
        if (problem is not null)
        {
            return null;
        }

        var pageNumber = 1;
        if (Single(query, "pgNum") is { } pgNumText
            && (!int.TryParse(pgNumText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            problem = new CaseProblem(CaseProblemCodes.InvalidPageNumber, "pgNum must be an integer of at least 1");
            return null;
        }

        var pageSize = int.MaxValue;
        if (Single(query, "pgSize") is { } pgSizeText
            && (!int.TryParse(pgSizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            problem = new CaseProblem(CaseProblemCodes.InvalidPageSize, $"pgSize must be an integer from 1 to {MaxPageSize}");
            return null;
        }

        var sort = ParseSort(query, ref problem);
        if (sort is null)
        {
            return null;
        }

        return new CaseQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            Assignee = Single(query, "assignee"),
            IsAssigned = isAssigned,
            NameContains = Single(query, "name"),
            Subject = Single(query, "subject"),
            LastModifiedBy = Single(query, "lastModifiedBy"),
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            PageNumber = pageNumber,
            PageSize = pageSize,
            Sort = sort,
        };
    }

    // i-th srtDir applies to the i-th srtKey; the last direction repeats for further keys
    // (docs/contracts/incydr.md, Case list query).
    private static IReadOnlyList<CaseSortKey>? ParseSort(IQueryCollection query, ref CaseProblem? problem)
    {
        var directions = new List<bool>();
        foreach (var value in Values(query, "srtDir"))
        {
            if (string.Equals(value, "asc", StringComparison.OrdinalIgnoreCase))
            {
                directions.Add(false);
            }
            else if (string.Equals(value, "desc", StringComparison.OrdinalIgnoreCase))
            {
                directions.Add(true);
            }
            else
            {
                problem = Invalid($"srtDir must be asc or desc, not '{value}'");
                return null;
            }
        }

        var keys = Values(query, "srtKey").ToList();
        if (keys.Count == 0)
        {
            // srtDir alone orders by the default key.
            keys.Add(nameof(CaseSortField.number));
        }

        var sort = new List<CaseSortKey>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!TryParseEnum(keys[i], out CaseSortField field))
            {
                problem = Invalid($"srtKey '{keys[i]}' is not supported");
                return null;
            }

            var descending = directions.Count == 0 ? false : directions[Math.Min(i, directions.Count - 1)];
            sort.Add(new CaseSortKey(field, descending));
        }

        return sort;
    }

    private static TimeInterval? ParseInterval(IQueryCollection query, string name, ref CaseProblem? problem)
    {
        if (problem is not null || Single(query, name) is not { } text)
        {
            return null;
        }

        if (TimeInterval.TryParse(text, out var interval))
        {
            return interval;
        }

        problem = new CaseProblem(CaseProblemCodes.InvalidTimeInterval, $"{name} must be 'start/end' with ISO-8601 instants, start not after end");
        return null;
    }

    // Enum names double as wire values; parse by name only (Enum.TryParse would also take "1").
    private static bool TryParseEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static IEnumerable<string> Values(IQueryCollection query, string name)
    {
        StringValues values = query[name];
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }
    }

    // Scalar parameters: the first non-empty value wins (what Spring does with a repeated scalar).
    private static string? Single(IQueryCollection query, string name) => Values(query, name).FirstOrDefault();

    private static CaseProblem Invalid(string description) => new(CaseProblemCodes.InvalidRequest, description);
}
