namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// A way a file leaves the endpoint, with everything an event of that kind carries: action,
/// vector, exposure, destinations and the indicator it always raises.
/// </summary>
public sealed class FileEventChannel
{
    private FileEventChannel(string action, string vector, string destinationCategory, IReadOnlyList<FileEventDestination> destinations,
        IReadOnlyList<string> exposure, RiskIndicatorRecord indicator, string executable, bool browser, bool removableMedia)
    {
        Action = action;
        Vector = vector;
        DestinationCategory = destinationCategory;
        Destinations = destinations;
        Exposure = exposure;
        Indicator = indicator;
        Executable = executable;
        Browser = browser;
        RemovableMedia = removableMedia;
    }

    /// <summary>Copy to a USB stick or disk.</summary>
    public static FileEventChannel Usb { get; } = new(
        "removable-media-created", "REMOVABLE_MEDIA", "Removable Media",
        [new("SanDisk Ultra", []), new("Kingston DataTraveler", []), new("Samsung T7", [])],
        ["RemovableMedia"], new("Removable media", "4b6bfc8d-5b8e-4b53-9f3a-5a2e3d1c0a11", 3), "explorer.exe", false, true);

    /// <summary>Browser upload to a cloud or file-sharing site.</summary>
    public static FileEventChannel Upload { get; } = new(
        "file-uploaded", "WEB_UPLOAD", "Cloud Storage",
        [new("Dropbox", ["dropbox.com"]), new("Google Drive", ["drive.google.com"]), new("WeTransfer", ["wetransfer.com"])],
        ["OutsideTrustedDomains"], new("Personal cloud storage", "0c1e6a52-7a63-4f0e-8f3b-2a4f6c9d1e22", 4), "chrome.exe", true, false);

    /// <summary>Read by a messaging application (attachment sent).</summary>
    public static FileEventChannel Messaging { get; } = new(
        "application-read", "APPLICATION", "Messaging",
        [new("Slack", ["slack.com"]), new("WhatsApp", ["whatsapp.com"]), new("Telegram", ["telegram.org"])],
        ["ApplicationRead"], new("Messaging app", "9d2a7f13-3c4b-4d5e-8a6f-7b8c9d0e1f33", 2), "slack.exe", false, false);

    /// <summary>All channels.</summary>
    public static IReadOnlyList<FileEventChannel> All { get; } = [Usb, Upload, Messaging];

    /// <summary>FileEventV2 <c>event.action</c>.</summary>
    public string Action { get; }

    /// <summary>FileEventV2 <c>event.vector</c>.</summary>
    public string Vector { get; }

    /// <summary>FileEventV2 <c>destination.category</c>.</summary>
    public string DestinationCategory { get; }

    /// <summary>Possible destinations.</summary>
    public IReadOnlyList<FileEventDestination> Destinations { get; }

    /// <summary>Exposure types of the abbreviated view.</summary>
    public IReadOnlyList<string> Exposure { get; }

    /// <summary>The indicator every event of this channel raises.</summary>
    public RiskIndicatorRecord Indicator { get; }

    /// <summary>Process that moved the file (Windows name).</summary>
    public string Executable { get; }

    /// <summary>True when a browser moved the file (tabs and extension info are filled).</summary>
    public bool Browser { get; }

    /// <summary>True when the destination is removable media (the removableMedia object is filled).</summary>
    public bool RemovableMedia { get; }
}

/// <summary>A destination: display name and domains.</summary>
/// <param name="Name">Display name, e.g. <c>Dropbox</c>.</param>
/// <param name="Domains">Domains (empty for devices).</param>
public sealed record FileEventDestination(string Name, IReadOnlyList<string> Domains);
