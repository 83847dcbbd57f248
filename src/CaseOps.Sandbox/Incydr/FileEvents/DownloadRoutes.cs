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
internal sealed class DownloadRoutes(IncydrApi api)
{
    /// <summary>Maps the endpoints onto the Incydr group (behind the bearer check).</summary>
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

    private IResult Summary(string number)
    {
        // The language parameter is accepted and ignored: the emulator writes English only.
        var record = CaseRoutes.Existing(api, number);

        var content = CaseSummaryPdf.Create(record, api.FileEvents.RecordsOf(record.Number));
        return DownloadResult.FromBytes("application/pdf", DownloadNames.Summary(record.Number), content);
    }

    private IResult EventsCsv(string number)
    {
        var record = CaseRoutes.Existing(api, number);

        var content = CaseEventsCsv.Create(api.FileEvents.RecordsOf(record.Number));
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
                    throw IncydrFailure.InvalidRequest($"{name} must be true or false, not '{text}'");
                }

                set(value);
            }
        }

        if (!summary && !fileEvents && !files)
        {
            throw IncydrFailure.Problem(EventProblems.InvalidExportOptions, "At least one of summary, fileEvents or files must be true.");
        }

        var record = CaseRoutes.Existing(api, number);

        var archive = CaseExportZip.Create(record, api.FileEvents.RecordsOf(record.Number), api.FileEvents, new CaseExportZip.Parts(summary, fileEvents, files));
        return new DownloadResult(
            "application/zip",
            DownloadNames.Export(record.Number),
            archive.Length,
            (body, ct) => archive.CopyToAsync(body, 64 * 1024, ct),
            archive);
    }

    private IResult SourceFile(string number, string eventId)
    {
        var record = CaseRoutes.Existing(api, number);

        var fileEvent = EventProblems.OnCase(api.FileEvents, record.Number, eventId);
        if (!fileEvent.HasSourceFile)
        {
            throw EventProblems.NoSourceFile(eventId);
        }

        var length = api.FileEvents.SourceSizeOf(eventId);
        return new DownloadResult(
            "application/octet-stream",
            fileEvent.FileName,
            length,
            (body, ct) => SourceFileWriter.WriteAsync(eventId, length, body, ct));
    }
}
