using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CaseOps.Sandbox.Incydr;

/// <summary>Turns the query string of <c>GET /v1/cases</c> into a <see cref="CaseQuery"/> (docs/contracts/incydr.md, Case list query).</summary>
public static class CaseQueryParser
{
    /// <summary>Largest accepted pgSize (the real maximum is open: docs/contracts/incydr.md, Paging).</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Parses the query; a bad parameter throws a 400 <see cref="IncydrFailure"/>.</summary>
    public static CaseQuery Parse(IQueryCollection query)
    {
        var statuses = new HashSet<CaseStatus>();
        foreach (var value in Values(query, "status"))
        {
            if (!TryParseEnum(value, out CaseStatus status))
            {
                throw IncydrFailure.InvalidRequest($"status must be one of OPEN, CLOSED, ARCHIVED, not '{value}'");
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
                throw IncydrFailure.InvalidRequest($"isAssigned must be true or false, not '{assignedText}'");
            }

            isAssigned = assigned;
        }

        var createdAt = ParseInterval(query, "createdAt");
        var updatedAt = ParseInterval(query, "updatedAt");

        var pageNumber = 1;
        if (Single(query, "pgNum") is { } pgNumText
            && (!int.TryParse(pgNumText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidPageNumber, "pgNum must be an integer of at least 1");
        }

        var pageSize = int.MaxValue;
        if (Single(query, "pgSize") is { } pgSizeText
            && (!int.TryParse(pgSizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidPageSize, $"pgSize must be an integer from 1 to {MaxPageSize}");
        }

        var sort = ParseSort(query);

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
    private static List<CaseSortKey> ParseSort(IQueryCollection query)
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
                throw IncydrFailure.InvalidRequest($"srtDir must be asc or desc, not '{value}'");
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
                throw IncydrFailure.InvalidRequest($"srtKey '{keys[i]}' is not supported");
            }

            var descending = directions.Count == 0 ? false : directions[Math.Min(i, directions.Count - 1)];
            sort.Add(new CaseSortKey(field, descending));
        }

        return sort;
    }

    private static TimeInterval? ParseInterval(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        if (TimeInterval.TryParse(text, out var interval))
        {
            return interval;
        }

        throw IncydrFailure.Problem(CaseProblemCodes.InvalidTimeInterval, $"{name} must be 'start/end' with ISO-8601 instants, start not after end");
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
}
