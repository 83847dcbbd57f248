using System.Text.Json;
using CaseOps.Sandbox.Http;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// Writes the full FileEventV2 document (docs/contracts/incydr.md, Schemas) of <c>GET
/// …/fileevent/{eventId}</c> from a pool record. Every key of the schema is written, null where the
/// event has no value, as the real service does; the nested objects the service always sends
/// (<c>report</c>, <c>responseControls</c>, <c>git</c>, <c>removableMedia</c>, <c>risk.untrustedValues</c>)
/// are objects even when empty (FileEventDocument.Sections.cs).
/// </summary>
public static partial class FileEventDocument
{
    /// <summary>Serializes <paramref name="record"/>; <paramref name="source"/> is the current source file's length and hashes.</summary>
    public static byte[] ToUtf8(FileEventRecord record, SourceFileFacts source)
    {
        using var buffer = new MemoryStream(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SandboxJson.Options.Encoder }))
        {
            Write(json, record, source);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, FileEventRecord record, SourceFileFacts source)
    {
        json.WriteStartObject();
        json.WriteString("@timestamp", FileEventTime.Format(record.Timestamp));
        WriteEvent(json, record);
        WriteUser(json, record);
        WriteFile(json, record, source);
        WriteSource(json, record);
        WriteDestination(json, record);
        WriteProcess(json, record);
        WriteRisk(json, record);
        WriteReport(json);
        WriteResponseControls(json);
        WriteGit(json);
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, FileEventRecord record)
    {
        json.WriteStartObject("event");
        json.WriteString("id", record.Id);
        json.WriteString("action", record.Channel.Action);
        json.WriteString("observer", "Endpoint");
        json.WriteString("inserted", FileEventTime.Format(record.Inserted));
        json.WriteString("ingested", FileEventTime.Format(record.Inserted.AddMilliseconds(-1500)));
        json.WriteString("vector", record.Channel.Vector);
        EmptyArray(json, "shareType");
        EmptyArray(json, "relatedEvents");
        json.WriteNull("detectorDisplayName");
        json.WriteNull("xfcEventId");
        json.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter json, FileEventRecord record)
    {
        json.WriteStartObject("user");
        json.WriteString("email", record.User.Username);
        json.WriteString("id", record.User.Uid);
        json.WriteString("deviceUid", record.DeviceUid);
        json.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter json, FileEventRecord record, SourceFileFacts source)
    {
        var kind = record.Kind;
        json.WriteStartObject("file");
        json.WriteString("name", record.FileName);
        json.WriteString("directory", record.Directory);
        json.WriteNull("originalName");
        json.WriteNull("originalDirectory");
        json.WriteString("category", kind.Category);
        json.WriteString("categoryByBytes", kind.Category);
        json.WriteString("categoryByExtension", kind.Category);
        json.WriteString("mimeType", kind.MimeType);
        json.WriteString("mimeTypeByBytes", kind.MimeType);
        json.WriteString("mimeTypeByExtension", kind.MimeType);
        json.WriteNumber("sizeInBytes", source.Size);
        json.WriteString("owner", record.User.Username.Split('@')[0]);
        json.WriteString("created", FileEventTime.Format(record.Created));
        json.WriteString("modified", FileEventTime.Format(record.Modified));
        json.WriteStartObject("hash");
        json.WriteString("md5", source.Md5);
        json.WriteString("sha256", source.Sha256);
        json.WriteNull("md5Error");
        json.WriteNull("sha256Error");
        json.WriteEndObject();
        json.WriteNull("id");
        json.WriteNull("url");
        EmptyArray(json, "directoryId");
        json.WriteNull("cloudDriveId");
        EmptyArray(json, "classifications");
        EmptyArray(json, "acquiredFrom");
        json.WriteNull("changeType");
        NullableString(json, "archiveId", record.ArchiveId);
        NullableString(json, "parentArchiveId", record.ParentArchiveId);
        json.WriteBoolean("passwordProtected", false);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, FileEventRecord record)
    {
        json.WriteStartObject("source");
        json.WriteString("category", "Device");
        json.WriteString("name", record.HostName);
        json.WriteNull("domain");
        EmptyArray(json, "domains");
        json.WriteString("ip", record.PublicIp);
        StringArray(json, "privateIp", [record.PrivateIp]);
        json.WriteString("operatingSystem", OperatingSystem(record));
        json.WriteStartObject("email");
        json.WriteNull("sender");
        json.WriteNull("from");
        json.WriteEndObject();
        WriteNoRemovableMedia(json);
        EmptyArray(json, "tabs");
        json.WriteStartObject("user");
        StringArray(json, "email", [record.User.Username]);
        json.WriteEndObject();
        json.WriteNull("accountName");
        json.WriteNull("accountType");
        json.WriteNull("remoteHostname");
        json.WriteEndObject();
    }

    private static void WriteDestination(Utf8JsonWriter json, FileEventRecord record)
    {
        var channel = record.Channel;
        var destination = channel.Destinations[record.DestinationIndex];
        json.WriteStartObject("destination");
        json.WriteString("category", channel.DestinationCategory);
        json.WriteString("name", destination.Name);
        StringArray(json, "domains", destination.Domains);
        json.WriteNull("ip");
        EmptyArray(json, "privateIp");
        json.WriteNull("operatingSystem");
        json.WriteStartObject("email");
        json.WriteNull("recipients");
        json.WriteNull("subject");
        json.WriteEndObject();
        if (channel.RemovableMedia)
        {
            WriteRemovableMedia(json, record, destination);
        }
        else
        {
            WriteNoRemovableMedia(json);
        }

        json.WriteStartArray("tabs");
        if (channel.Browser)
        {
            json.WriteStartObject();
            json.WriteString("title", destination.Name);
            json.WriteString("url", "https://" + destination.Domains[0] + "/upload");
            json.WriteNull("titleError");
            json.WriteNull("urlError");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("user");
        EmptyArray(json, "email");
        json.WriteEndObject();
        json.WriteNull("accountName");
        json.WriteNull("accountType");
        json.WriteNull("printJobName");
        json.WriteNull("printerName");
        json.WriteNull("printedFilesBackupPath");
        json.WriteNull("remoteHostname");
        json.WriteEndObject();
    }

    private static void WriteProcess(Utf8JsonWriter json, FileEventRecord record)
    {
        var channel = record.Channel;
        json.WriteStartObject("process");
        json.WriteString("executable", record.Windows ? channel.Executable : Path.GetFileNameWithoutExtension(channel.Executable));
        json.WriteString("owner", record.User.Username.Split('@')[0]);
        if (channel.Browser)
        {
            json.WriteStartObject("extension");
            json.WriteString("browser", "Chrome");
            json.WriteString("version", "1.9.2");
            json.WriteString("loggedInUser", record.User.Username);
            json.WriteEndObject();
        }
        else
        {
            // Not a browser: the service still sends the object, with nulls.
            json.WriteStartObject("extension");
            json.WriteNull("browser");
            json.WriteNull("version");
            json.WriteNull("loggedInUser");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRisk(Utf8JsonWriter json, FileEventRecord record)
    {
        json.WriteStartObject("risk");
        json.WriteNumber("score", record.RiskScore);
        json.WriteString("severity", record.RiskSeverity);
        json.WriteStartArray("indicators");
        foreach (var indicator in record.Indicators)
        {
            json.WriteStartObject();
            json.WriteString("name", indicator.Name);
            json.WriteString("id", indicator.Id);
            json.WriteNumber("weight", indicator.Weight);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("trusted", record.Trusted);
        if (record.Trusted)
        {
            json.WriteString("trustReason", "TRUSTED_DOMAIN_BROWSER_URL");
        }
        else
        {
            json.WriteNull("trustReason");
        }

        WriteUntrustedValues(json, record);
        json.WriteEndObject();
    }

    private static string OperatingSystem(FileEventRecord record) => record.Windows ? "Windows 11" : "macOS 14.5";

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void EmptyArray(Utf8JsonWriter json, string name)
    {
        json.WriteStartArray(name);
        json.WriteEndArray();
    }

    private static void StringArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
