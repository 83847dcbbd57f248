using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The download endpoints (summary PDF, full ZIP, events CSV, source file) of
/// docs/contracts/incydr.md, Downloads under every case prefix. They carry
/// <see cref="DropFaultTarget"/> so the drop fault (<see cref="FaultSettings.DropNextDownloads"/>)
/// can cut them short.
/// </summary>
public sealed class DownloadRoutes(CaseStore cases, FileEventStore events)
{
    /// <summary>Maps the endpoints onto <paramref name="routes"/> (expected to carry the bearer filter).</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in CaseRoutes.Prefixes)
        {
            var path = prefix + "/{number}";
            routes.MapGet(path + "/export", Summary).WithMetadata(DropFaultTarget.Instance);
            routes.MapGet(path + "/export/full", FullExport).WithMetadata(DropFaultTarget.Instance);
            routes.MapGet(path + "/fileevent/export", EventsCsv).WithMetadata(DropFaultTarget.Instance);
            routes.MapGet(path + "/fileevent/{eventId}/file", SourceFile).WithMetadata(DropFaultTarget.Instance);
        }
    }

    private IResult Summary(HttpContext context, string number)
    {
        // The language parameter is accepted and ignored: the emulator writes English only.
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        var content = CaseSummaryPdf.Create(record, events.RecordsOf(record.Number));
        return DownloadResult.FromBytes("application/pdf", DownloadNames.Summary(record.Number), content);
    }

    private IResult EventsCsv(HttpContext context, string number)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        var content = CaseEventsCsv.Create(events.RecordsOf(record.Number));
        return DownloadResult.FromBytes("text/csv", DownloadNames.EventsCsv(record.Number), content);
    }

    private IResult FullExport(HttpContext context, string number)
    {
        var query = context.Request.Query;
        bool summary = true, fileEvents = true, files = true;
        foreach (var (name, set) in new (string, Action<bool>)[] { ("summary", v => summary = v), ("fileEvents", v => fileEvents = v), ("files", v => files = v) })
        {
            if (query[name].FirstOrDefault() is { Length: > 0 } text)
            {
                // bool.TryParse ignores case: true, True and TRUE all work
                // (docs/contracts/incydr.md, Conventions).
                if (!bool.TryParse(text, out var value))
                {
                    return ErrorResults.Problem(CaseProblemCodes.InvalidRequest, $"{name} must be true or false, not '{text}'");
                }

                set(value);
            }
        }

        if (!summary && !fileEvents && !files)
        {
            return ErrorResults.Problem(EventProblems.InvalidExportOptions, "At least one of summary, fileEvents or files must be true.");
        }

        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        var archive = CaseExportZip.Create(record, events.RecordsOf(record.Number), events, new CaseExportZip.Parts(summary, fileEvents, files));
        return new DownloadResult(
            "application/zip",
            DownloadNames.Export(record.Number),
            archive.Length,
            (body, ct) => archive.CopyToAsync(body, 64 * 1024, ct),
            archive);
    }

    private IResult SourceFile(HttpContext context, string number, string eventId)
    {
        if (CaseLookup.Find(cases, context, number, out var error) is not { } record)
        {
            return error!;
        }

        if (!events.IsOnCase(record.Number, eventId) || events.Find(eventId) is not { } fileEvent)
        {
            return EventProblems.NotOnCase(context, eventId, record.Number);
        }

        if (!fileEvent.HasSourceFile)
        {
            return EventProblems.NoSourceFile(context, eventId);
        }

        var length = events.SourceSizeOf(eventId);
        return new DownloadResult(
            "application/octet-stream",
            fileEvent.FileName,
            length,
            (body, ct) => SourceFileWriter.WriteAsync(eventId, length, body, ct));
    }
}
