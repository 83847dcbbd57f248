using System.IO.Compression;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The full export, <c>GET …/export/full</c> (docs/contracts/incydr.md, Downloads). ZipArchive
/// needs a seekable stream to write local headers, and the answer needs a Content-Length up front,
/// so the archive is built in a temporary file (deleted on close) and then streamed, never in
/// memory.
/// </summary>
public static class CaseExportZip
{
    /// <summary>Which parts go in.</summary>
    /// <param name="Summary">Include the summary PDF.</param>
    /// <param name="FileEvents">Include the events CSV.</param>
    /// <param name="Files">Include the captured source files.</param>
    public readonly record struct Parts(bool Summary, bool FileEvents, bool Files);

    /// <summary>Builds the archive into a temporary file positioned at 0; the caller disposes it (which deletes it).</summary>
    public static FileStream Create(CaseRecord record, IReadOnlyList<FileEventRecord> events, FileEventStore store, Parts parts)
    {
        var path = Path.Combine(Path.GetTempPath(), "caseops-export-" + Guid.NewGuid().ToString("N") + ".zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var stamp = new DateTimeOffset(record.UpdatedAt, TimeSpan.Zero);
                if (parts.Summary)
                {
                    AddBytes(zip, DownloadNames.Summary(record.Number), CaseSummaryPdf.Create(record, events), stamp);
                }

                if (parts.FileEvents)
                {
                    AddBytes(zip, DownloadNames.EventsCsv(record.Number), CaseEventsCsv.Create(events), stamp);
                }

                if (parts.Files)
                {
                    foreach (var fileEvent in events.Where(e => e.HasSourceFile))
                    {
                        // Generated content is random, so compressing it would only burn CPU.
                        var entry = zip.CreateEntry($"files/{fileEvent.Id}/{fileEvent.FileName}", CompressionLevel.NoCompression);
                        entry.LastWriteTime = new DateTimeOffset(fileEvent.Modified, TimeSpan.Zero);
                        using var target = entry.Open();
                        SourceFileWriter.Write(fileEvent.Id, store.SourceSizeOf(fileEvent.Id), target);
                    }
                }
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void AddBytes(ZipArchive zip, string name, byte[] content, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var target = entry.Open();
        target.Write(content);
    }
}
