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
internal sealed class FileEventRoutes(IncydrApi api)
{
    /// <summary>Default pgSize of the event list (docs/contracts/incydr.md, Paging).</summary>
    public const int DefaultPageSize = 10_000;

    /// <summary>Maps the endpoints onto the Incydr group (behind the bearer check).</summary>
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
        var record = CaseRoutes.Existing(api, number);

        var query = context.Request.Query;
        if (!TryPageNumber(query["pgNum"].FirstOrDefault(), out var pageNumber))
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidPageNumber, "pgNum must be an integer of at least 1");
        }

        if (!TryPageSize(query["pgSize"].FirstOrDefault(), out var pageSize))
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidPageSize, $"pgSize must be an integer from 1 to {CaseQueryParser.MaxPageSize}");
        }

        IEnumerable<FileEventRecord> matches = api.FileEvents.RecordsOf(record.Number);
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
        var ids = await AddEventsReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        return Add(number, ids);
    }

    private IResult AddOne(string number, string eventId) => Add(number, [eventId]);

    private IResult Add(string number, IReadOnlyList<string> ids)
    {
        var record = CaseRoutes.Existing(api, number);

        if (record.Status != CaseStatus.OPEN)
        {
            throw IncydrFailure.Rule(EventProblems.CaseIsClosed);
        }

        var result = api.FileEvents.Add(record.Number, ids);
        return result.Status switch
        {
            EventAddStatus.Added => Results.NoContent(),
            EventAddStatus.UnknownEvent => throw EventProblems.UnknownEvent(result.EventId!),
            EventAddStatus.AlreadyOnCase => throw IncydrFailure.Rule(EventProblems.CaseAlreadyHasEvent),
            _ => throw IncydrFailure.Rule(EventProblems.TooManyEvents),
        };
    }

    private IResult Get(string number, string eventId)
    {
        var record = CaseRoutes.Existing(api, number);

        var fileEvent = EventProblems.OnCase(api.FileEvents, record.Number, eventId);
        return Results.Bytes(FileEventDocument.ToUtf8(fileEvent, api.FileEvents.SourceFactsOf(eventId)), "application/json; charset=utf-8");
    }

    private IResult Remove(string number, string eventId)
    {
        var record = CaseRoutes.Existing(api, number);

        if (record.Status != CaseStatus.OPEN)
        {
            throw IncydrFailure.Rule(EventProblems.CaseIsClosed);
        }

        return api.FileEvents.Remove(record.Number, eventId) ? Results.NoContent() : throw EventProblems.NotOnCase(eventId, record.Number);
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
