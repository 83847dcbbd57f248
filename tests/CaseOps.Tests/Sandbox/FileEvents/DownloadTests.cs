using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseOps.Sandbox.Incydr;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>docs/contracts/incydr.md, Downloads: headers, names and content of the downloads.</summary>
public sealed class DownloadTests(FileEventsFixture fixture) : IClassFixture<FileEventsFixture>
{
    private static void AssertSpring404(Download reply, string message)
    {
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Contains($"\"message\":\"{message}\"", reply.Text, StringComparison.Ordinal);
    }

    private async Task<(long Number, string[] Ids)> CaseWithEventsAsync(int withFile, int withoutFile)
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(withFile, fixture.Host.FileEvents.HasSourceFile)
            .Concat(fixture.TakeIds(withoutFile, id => !fixture.Host.FileEvents.HasSourceFile(id)))
            .ToArray();
        fixture.Host.FileEvents.Attach(number, ids);
        return (number, ids);
    }

    // Every download: 200, the media type of docs/contracts/incydr.md, Downloads, the unquoted file name, the full Content-Length.
    private static void AssertDownload(Download reply, string contentType, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(contentType, reply.ContentType);
        Assert.Equal("attachment; filename=" + fileName, reply.Disposition);
        Assert.Equal(reply.Body.Length, reply.ContentLength);
    }

    [Fact]
    public async Task Summary_is_a_valid_pdf_with_correct_xref_offsets()
    {
        var (number, ids) = await CaseWithEventsAsync(2, 1);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/export?language=de");

        AssertDownload(reply, "application/pdf", $"Case-{number}-summary.pdf");
        var text = Encoding.Latin1.GetString(reply.Body);
        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("(File events: 3) Tj", text, StringComparison.Ordinal);
        Assert.Contains($"(Case number: {number}) Tj", text, StringComparison.Ordinal);
        Assert.Contains("(Status: OPEN) Tj", text, StringComparison.Ordinal);
        Assert.Contains(fixture.Host.FileEvents.FileNameOf(ids[0])!, text, StringComparison.Ordinal);

        var startxref = int.Parse(Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 7\n", text[startxref..], StringComparison.Ordinal);
        var entries = text[(startxref + "xref\n0 7\n".Length)..].Split('\n').Take(7).ToArray();
        Assert.Equal("0000000000 65535 f ", entries[0]);
        for (var objectNumber = 1; objectNumber < 7; objectNumber++)
        {
            Assert.Matches(@"^\d{10} 00000 n $", entries[objectNumber]);
            var offset = int.Parse(entries[objectNumber][..10], System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"{objectNumber} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }

        // The content stream's /Length must match the bytes between "stream\n" and "\nendstream".
        var stream = Regex.Match(text, @"<< /Length (\d+) >>\nstream\n", RegexOptions.None);
        var length = int.Parse(stream.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("\nendstream", text[(stream.Index + stream.Length + length)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_escapes_the_en_dash_of_seeded_names()
    {
        var seeded = fixture.Host.Cases.Find(1)!;

        var reply = await fixture.DownloadAsync("/v1/cases/1/export");

        Assert.Contains("\u2013", seeded.Name, StringComparison.Ordinal);
        Assert.Contains("\\226", Encoding.Latin1.GetString(reply.Body), StringComparison.Ordinal);
        Assert.All(reply.Body.AsSpan(15).ToArray(), b => Assert.True(b < 128));
    }

    [Fact]
    public async Task Events_csv_has_the_header_and_one_row_per_event()
    {
        var (number, ids) = await CaseWithEventsAsync(3, 1);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/export");

        AssertDownload(reply, "text/csv", $"Case-{number}-file-events.csv");
        var lines = reply.Text.Split("\r\n");
        Assert.Equal("eventId,eventTimestamp,fileName,filePath,fileAvailability,riskScore,riskSeverity,exposure,riskIndicators", lines[0]);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal(ids.Length + 2, lines.Length);
        Assert.Equal(ids, lines[1..^1].Select(line => line.Split(',')[0]));
        var record = fixture.Host.FileEvents.Find(ids[0])!;
        Assert.StartsWith($"{record.Id},{FileEventTime.Format(record.Timestamp)},{record.FileName},", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(string.Join(';', record.Indicators.Select(i => i.Name)), lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_csv_of_a_case_without_events_is_the_header_only()
    {
        var number = await fixture.NewCaseAsync();

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/export");

        Assert.Equal(CaseEventsCsv.Columns.Count - 1, reply.Text.Count(c => c == ','));
        Assert.EndsWith("riskIndicators\r\n", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true, true, true)]
    [InlineData("?summary=false", false, true, true)]
    [InlineData("?fileEvents=False&files=FALSE", true, false, false)]
    [InlineData("?summary=false&fileEvents=false", false, false, true)]
    [InlineData("?summary=True&fileEvents=false&files=false", true, false, false)]
    public async Task Full_export_zip_holds_the_parts_asked_for(string query, bool summary, bool fileEvents, bool files)
    {
        var (number, ids) = await CaseWithEventsAsync(2, 1);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/export/full{query}");

        AssertDownload(reply, "application/zip", $"Case-{number}-export.zip");
        using var zip = new ZipArchive(new MemoryStream(reply.Body), ZipArchiveMode.Read);
        var expected = new List<string>();
        if (summary)
        {
            expected.Add($"Case-{number}-summary.pdf");
        }

        if (fileEvents)
        {
            expected.Add($"Case-{number}-file-events.csv");
        }

        if (files)
        {
            expected.AddRange(ids[..2].Select(id => $"files/{id}/{fixture.Host.FileEvents.FileNameOf(id)}"));
        }

        Assert.Equal(expected, zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("files/", StringComparison.Ordinal)))
        {
            using var content = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(content);
            }

            Assert.Equal(FileEventStore.SourceBytes(entry.FullName.Split('/')[1], 65536), content.ToArray());
        }

        if (summary)
        {
            using var pdf = zip.GetEntry($"Case-{number}-summary.pdf")!.Open();
            var head = new byte[5];
            pdf.ReadExactly(head);
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(head));
        }
    }

    [Fact]
    public async Task Full_export_with_nothing_asked_for_is_rejected()
    {
        var reply = await fixture.DownloadAsync("/v1/cases/1/export/full?summary=false&fileEvents=False&files=false");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(
            "{\"problem\":\"INVALID_EXPORT_OPTIONS\",\"description\":\"At least one of summary, fileEvents or files must be true.\"}",
            reply.Text);
    }

    [Fact]
    public async Task Source_file_streams_the_generated_bytes_under_the_event_file_name()
    {
        var (number, ids) = await CaseWithEventsAsync(1, 0);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/{Uri.EscapeDataString(ids[0])}/file");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/octet-stream", reply.ContentType);
        Assert.Equal($"attachment; filename={fixture.Host.FileEvents.FileNameOf(ids[0])}", reply.Disposition);
        Assert.Equal(65536, reply.ContentLength);
        Assert.Equal(FileEventStore.SourceBytes(ids[0], 65536), reply.Body);
    }

    [Fact]
    public async Task Source_file_size_can_be_changed_per_event()
    {
        var (number, ids) = await CaseWithEventsAsync(1, 0);
        fixture.Host.FileEvents.SetSourceSize(ids[0], 100_003);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/{ids[0]}/file");
        var document = await fixture.GetAsync($"/v1/cases/{number}/fileevent/{ids[0]}");

        Assert.Equal(100_003, reply.ContentLength);
        Assert.Equal(FileEventStore.SourceBytes(ids[0], 100_003), reply.Body);
        Assert.Equal(100_003, document.Json.GetProperty("file").GetProperty("sizeInBytes").GetInt64());
    }

    [Fact]
    public void Generated_content_does_not_depend_on_chunk_sizes()
    {
        var id = fixture.Host.FileEvents.PoolIds[7];
        var whole = FileEventStore.SourceBytes(id, 1000);
        var generator = new SourceFileGenerator(id);
        var pieces = new byte[1000];
        generator.Fill(pieces.AsSpan(0, 3));
        generator.Fill(pieces.AsSpan(3, 13));
        generator.Fill(pieces.AsSpan(16, 984));

        Assert.Equal(whole, pieces);
        Assert.NotEqual(whole, FileEventStore.SourceBytes(fixture.Host.FileEvents.PoolIds[8], 1000));
    }

    [Fact]
    public async Task Source_file_errors_answer_404()
    {
        var (number, ids) = await CaseWithEventsAsync(0, 1);
        var elsewhere = fixture.TakeIdWithFile();

        AssertSpring404(await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/{ids[0]}/file"), $"No source file was captured for file event {ids[0]}");
        AssertSpring404(await fixture.DownloadAsync($"/v1/cases/{number}/fileevent/{elsewhere}/file"), $"File event {elsewhere} is not on case {number}");
        AssertSpring404(await fixture.DownloadAsync($"/v1/cases/999999/fileevent/{elsewhere}/file"), "Case 999999 not found");
    }

    [Theory]
    [InlineData("/v1/cases/999999/export")]
    [InlineData("/v1/cases/999999/export/full")]
    [InlineData("/v1/cases/999999/fileevent/export")]
    [InlineData("/api/v1/case/999999/export")]
    public async Task Downloads_of_an_unknown_case_answer_404(string path)
    {
        AssertSpring404(await fixture.DownloadAsync(path), "Case 999999 not found");
    }

    [Fact]
    public async Task Downloads_need_a_token()
    {
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases/1/export", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task Py42_aliases_serve_the_same_downloads()
    {
        var (number, ids) = await CaseWithEventsAsync(1, 1);

        foreach (var tail in new[] { "/export", "/fileevent/export", $"/fileevent/{ids[0]}/file" })
        {
            var v1 = await fixture.DownloadAsync($"/v1/cases/{number}{tail}");
            var py42 = await fixture.DownloadAsync($"/api/v1/case/{number}{tail}");
            Assert.Equal(HttpStatusCode.OK, py42.Status);
            Assert.Equal(v1.Disposition, py42.Disposition);
            Assert.Equal(v1.Body, py42.Body);
        }

        var zip = await fixture.DownloadAsync($"/api/v1/case/{number}/export/full?files=false");
        Assert.Equal(HttpStatusCode.OK, zip.Status);
    }

    [Fact]
    public async Task Closed_cases_can_still_be_exported()
    {
        var number = fixture.NewCase(CaseStatus.CLOSED);

        var reply = await fixture.DownloadAsync($"/v1/cases/{number}/export");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains("(Status: CLOSED) Tj", Encoding.Latin1.GetString(reply.Body), StringComparison.Ordinal);
    }
}
