using System.Text.Json;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The nested objects of a FileEventV2 document that the real service sends as objects even when the
/// event has nothing for them (docs/contracts/incydr.md, FileEventV2, "Objects that are never null"): every member present, scalars
/// null and lists empty. Code42's SDK refuses a null <c>risk.untrustedValues</c>, so the emulator never
/// sends one.
/// </summary>
public static partial class FileEventDocument
{
    /// <summary><c>report</c>: a third-party report (Salesforce downloads); endpoint events have none.</summary>
    private static void WriteReport(Utf8JsonWriter json)
    {
        json.WriteStartObject("report");
        json.WriteNull("id");
        json.WriteNull("name");
        json.WriteNull("description");
        EmptyArray(json, "headers");
        json.WriteNull("count");
        json.WriteNull("type");
        json.WriteEndObject();
    }

    /// <summary><c>responseControls</c>: no preventative control acted on the emulator's events.</summary>
    private static void WriteResponseControls(Utf8JsonWriter json)
    {
        json.WriteStartObject("responseControls");
        json.WriteNull("preventativeControl");
        json.WriteNull("reason");
        json.WriteStartObject("userJustification");
        json.WriteNull("reason");
        json.WriteNull("text");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>git</c>: none of the emulator's channels is a Git push.</summary>
    private static void WriteGit(Utf8JsonWriter json)
    {
        json.WriteStartObject("git");
        json.WriteNull("eventId");
        json.WriteNull("lastCommitHash");
        json.WriteNull("repositoryUri");
        json.WriteNull("repositoryUser");
        json.WriteNull("repositoryEmail");
        json.WriteNull("repositoryEndpointPath");
        json.WriteEndObject();
    }

    /// <summary><c>removableMedia</c> of a side that is not removable media.</summary>
    private static void WriteNoRemovableMedia(Utf8JsonWriter json)
    {
        json.WriteStartObject("removableMedia");
        json.WriteNull("vendor");
        json.WriteNull("name");
        json.WriteNull("serialNumber");
        json.WriteNull("capacity");
        json.WriteNull("busType");
        json.WriteNull("mediaName");
        EmptyArray(json, "volumeName");
        EmptyArray(json, "partitionId");
        json.WriteEndObject();
    }

    /// <summary><c>destination.removableMedia</c> of a USB copy: the stick the file went to.</summary>
    private static void WriteRemovableMedia(Utf8JsonWriter json, FileEventRecord record, FileEventDestination destination)
    {
        json.WriteStartObject("removableMedia");
        json.WriteString("vendor", destination.Name.Split(' ')[0]);
        json.WriteString("name", destination.Name);
        json.WriteString("serialNumber", record.MediaSerial[..12].ToUpperInvariant());
        json.WriteNumber("capacity", 64_000_000_000L);
        json.WriteString("busType", "USB");
        json.WriteString("mediaName", destination.Name + " USB Device");
        StringArray(json, "volumeName", ["USBDRIVE"]);
        StringArray(json, "partitionId", [record.PartitionSeed[..8] + "-" + record.PartitionSeed[8..12]]);
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>risk.untrustedValues</c>: the values that matched no trusted activity. Only a browser upload
    /// that is not trusted has some (its domain and URL path, as in the tab); all other events send the
    /// five lists empty.
    /// </summary>
    private static void WriteUntrustedValues(Utf8JsonWriter json, FileEventRecord record)
    {
        var untrustedUpload = record.Channel.Browser && !record.Trusted;
        var domains = untrustedUpload ? record.Channel.Destinations[record.DestinationIndex].Domains : [];
        json.WriteStartObject("untrustedValues");
        EmptyArray(json, "accountNames");
        StringArray(json, "domains", domains);
        EmptyArray(json, "gitRepositoryUris");
        EmptyArray(json, "slackWorkspaces");
        StringArray(json, "urlPaths", [.. domains.Select(domain => domain + "/upload")]);
        json.WriteEndObject();
    }
}
