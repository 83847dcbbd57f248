using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The case file-event endpoints (docs/contracts/incydr.md, File events on cases) under every case
/// prefix (<c>/v1/cases</c> and the py42 alias <c>/api/v1/case</c>). Downloads live in
/// <see cref="DownloadRoutes"/>.
/// </summary>
public sealed class FileEventRoutes(CaseStore cases, FileEventStore events)
{
    /// <summary>Default pgSize of the event list (docs/contracts/incydr.md, Paging).</summary>
    public const int DefaultPageSize = 10_000;

    /// <summary>Maps the endpoints onto <paramref name="routes"/> (expected to carry the bearer filter).</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in CaseRoutes.Prefixes)
        {
            var path = prefix + "/{number}/fileevent";
            routes.MapGet(path, List);
            routes.MapPost(path, (Delegate)AddManyAsync); // cast: else it binds as a RequestDelegate and drops the result
            routes.MapGet(path + "/{eventId}", Get);
            routes.MapPost(path + "/{eventId}", AddOne);
            routes.MapDelete(path + "/{eventId}", Remove);
        }
    }

    private IResult List(HttpContext context, string number)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        var query = context.Request.Query;
        if (!TryPageNumber(query["pgNum"].FirstOrDefault(), out var pageNumber))
        {
            return ErrorResults.Problem(CaseProblemCodes.InvalidPageNumber, "pgNum must be an integer of at least 1");
        }

        if (!TryPageSize(query["pgSize"].FirstOrDefault(), out var pageSize))
        {
            return ErrorResults.Problem(CaseProblemCodes.InvalidPageSize, $"pgSize must be an integer from 1 to {CaseQueryParser.MaxPageSize}");
        }

        IEnumerable<FileEventRecord> matches = events.RecordsOf(record.Number);
        if (query["archiveId"].FirstOrDefault() is { Length: > 0 } archiveId)
        {
            // An archive id selects the archive itself and the files found inside it.
            matches = matches.Where(e => string.Equals(e.ArchiveId, archiveId, StringComparison.Ordinal)
                || string.Equals(e.ParentArchiveId, archiveId, StringComparison.Ordinal));
        }

        var all = matches.ToArray();
        var page = all.Skip((int)Math.Min((long)(pageNumber - 1) * pageSize, int.MaxValue)).Take(pageSize)
            .Select(e => new CaseFileEventJson(e)).ToArray();
        return Results.Json(new CaseFileEventsPageJson(page, all.Length), SandboxJson.Options);
    }

    private async Task<IResult> AddManyAsync(HttpContext context, string number)
    {
        // Like Spring (and the case routes), the body is read and rejected before the case is looked up.
        var (ids, problem) = await AddEventsReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (ids is null)
        {
            return ErrorResults.Problem(CaseProblemCodes.InvalidRequest, problem);
        }

        return Add(context, number, ids);
    }

    private IResult AddOne(HttpContext context, string number, string eventId) => Add(context, number, [eventId]);

    private IResult Add(HttpContext context, string number, IReadOnlyList<string> ids)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        if (record.Status != CaseStatus.OPEN)
        {
            return EventProblems.Rule(EventProblems.CaseIsClosed);
        }

        var result = events.Add(record.Number, ids);
        return result.Status switch
        {
            EventAddStatus.Added => Results.NoContent(),
            EventAddStatus.UnknownEvent => EventProblems.UnknownEvent(context, result.EventId!),
            EventAddStatus.AlreadyOnCase => EventProblems.Rule(EventProblems.CaseAlreadyHasEvent),
            _ => EventProblems.Rule(EventProblems.TooManyEvents),
        };
    }

    private IResult Get(HttpContext context, string number, string eventId)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        if (!events.IsOnCase(record.Number, eventId) || events.Find(eventId) is not { } fileEvent)
        {
            return EventProblems.NotOnCase(context, eventId, record.Number);
        }

        return Results.Bytes(FileEventDocument.ToUtf8(fileEvent, events.SourceSizeOf(eventId)), "application/json; charset=utf-8");
    }

    private IResult Remove(HttpContext context, string number, string eventId)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        if (record.Status != CaseStatus.OPEN)
        {
            return EventProblems.Rule(EventProblems.CaseIsClosed);
        }

        return events.Remove(record.Number, eventId) ? Results.NoContent() : EventProblems.NotOnCase(context, eventId, record.Number);
    }

    private static bool TryPageNumber(string? text, out int value)
    {
        value = 1;
        return string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 1);
    }

    private static bool TryPageSize(string? text, out int value)
    {
        value = DefaultPageSize;
        return string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= CaseQueryParser.MaxPageSize);
    }
}
