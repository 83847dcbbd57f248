using System.Net;
using System.Text.Json;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>
/// docs/contracts/incydr.md, FileEventV2: the nested objects the real service always sends as objects
/// (never null), with every member present, read over HTTP for events of every kind the emulator makes.
/// Code42's SDK refuses a document where <c>risk.untrustedValues</c> is null.
/// </summary>
public sealed class FileEventShapeTests(FileEventsFixture fixture) : IClassFixture<FileEventsFixture>
{
    private static readonly string[] UntrustedValuesKeys = ["accountNames", "domains", "gitRepositoryUris", "slackWorkspaces", "urlPaths"];
    private static readonly string[] ReportKeys = ["id", "name", "description", "headers", "count", "type"];
    private static readonly string[] ResponseControlsKeys = ["preventativeControl", "reason", "userJustification"];
    private static readonly string[] UserJustificationKeys = ["reason", "text"];
    private static readonly string[] GitKeys = ["eventId", "lastCommitHash", "repositoryUri", "repositoryUser", "repositoryEmail", "repositoryEndpointPath"];
    private static readonly string[] RemovableMediaKeys = ["vendor", "name", "serialNumber", "capacity", "busType", "mediaName", "volumeName", "partitionId"];
    private static readonly string[] ExtensionKeys = ["browser", "version", "loggedInUser"];

    /// <summary>Events of every channel, trusted and not, attached to a fresh case and read one by one.</summary>
    private async Task<(FileEventRecord Record, JsonElement Json)[]> ReadEventsAsync()
    {
        var pool = fixture.Host.FileEvents;
        bool Is(string id, FileEventChannel channel, bool trusted) => pool.Find(id) is { } e && e.Channel == channel && e.Trusted == trusted;
        var ids = FileEventChannel.All.SelectMany(channel => fixture.TakeIds(2, id => Is(id, channel, false)))
            .Concat(fixture.TakeIds(1, id => Is(id, FileEventChannel.Upload, true)))
            .Concat(fixture.TakeIds(1, id => Is(id, FileEventChannel.Usb, true)))
            .ToArray();
        var number = await fixture.NewCaseAsync();
        pool.Attach(number, ids);

        var read = new List<(FileEventRecord, JsonElement)>();
        foreach (var id in ids)
        {
            var reply = await fixture.GetAsync($"/v1/cases/{number}/fileevent/{Uri.EscapeDataString(id)}");
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            read.Add((pool.Find(id)!, reply.Json));
        }

        return [.. read];
    }

    private static JsonElement ObjectWithKeys(JsonElement parent, string name, string[] keys)
    {
        var value = parent.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.Object, $"{name} is {value.ValueKind}, not an object");
        Assert.Equal(keys, SandboxApi.Keys(value));
        return value;
    }

    private static void AssertNull(JsonElement parent, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(parent.GetProperty(name).ValueKind == JsonValueKind.Null, $"{name} is {parent.GetProperty(name).ValueKind}, not null");
        }
    }

    private static string[] Strings(JsonElement parent, string name)
    {
        var list = parent.GetProperty(name);
        Assert.True(list.ValueKind == JsonValueKind.Array, $"{name} is {list.ValueKind}, not a list");
        Assert.All(list.EnumerateArray(), item => Assert.Equal(JsonValueKind.String, item.ValueKind));
        return list.EnumerateArray().Select(item => item.GetString()!).ToArray();
    }

    [Fact]
    public async Task Untrusted_values_are_an_object_of_five_lists_filled_for_untrusted_uploads()
    {
        foreach (var (record, json) in await ReadEventsAsync())
        {
            var untrusted = ObjectWithKeys(json.GetProperty("risk"), "untrustedValues", UntrustedValuesKeys);
            var lists = UntrustedValuesKeys.ToDictionary(key => key, key => Strings(untrusted, key));

            var destination = record.Channel.Destinations[record.DestinationIndex];
            var upload = record.Channel == FileEventChannel.Upload && !record.Trusted;
            Assert.Equal(upload ? destination.Domains : [], lists["domains"]);
            Assert.Equal(upload ? destination.Domains.Select(d => d + "/upload") : [], lists["urlPaths"]);
            Assert.Empty(lists["accountNames"]);
            Assert.Empty(lists["gitRepositoryUris"]);
            Assert.Empty(lists["slackWorkspaces"]);
        }
    }

    [Fact]
    public async Task Report_response_controls_and_git_are_objects_of_nulls()
    {
        foreach (var (_, json) in await ReadEventsAsync())
        {
            var report = ObjectWithKeys(json, "report", ReportKeys);
            AssertNull(report, "id", "name", "description", "count", "type");
            Assert.Empty(Strings(report, "headers"));

            var controls = ObjectWithKeys(json, "responseControls", ResponseControlsKeys);
            AssertNull(controls, "preventativeControl", "reason");
            AssertNull(ObjectWithKeys(controls, "userJustification", UserJustificationKeys), UserJustificationKeys);

            AssertNull(ObjectWithKeys(json, "git", GitKeys), GitKeys);
        }
    }

    [Fact]
    public async Task Removable_media_is_an_object_on_both_sides_filled_only_for_the_usb_destination()
    {
        foreach (var (record, json) in await ReadEventsAsync())
        {
            var source = ObjectWithKeys(json.GetProperty("source"), "removableMedia", RemovableMediaKeys);
            AssertNull(source, "vendor", "name", "serialNumber", "capacity", "busType", "mediaName");
            Assert.Empty(Strings(source, "volumeName"));
            Assert.Empty(Strings(source, "partitionId"));

            var destination = ObjectWithKeys(json.GetProperty("destination"), "removableMedia", RemovableMediaKeys);
            if (record.Channel.RemovableMedia)
            {
                Assert.Equal(record.Channel.Destinations[record.DestinationIndex].Name, destination.GetProperty("name").GetString());
                Assert.Equal("USB", destination.GetProperty("busType").GetString());
                Assert.Equal(JsonValueKind.Number, destination.GetProperty("capacity").ValueKind);
                Assert.All(new[] { "vendor", "serialNumber", "mediaName" }, key => Assert.Equal(JsonValueKind.String, destination.GetProperty(key).ValueKind));
                Assert.Single(Strings(destination, "volumeName"));
                Assert.Single(Strings(destination, "partitionId"));
            }
            else
            {
                AssertNull(destination, "vendor", "name", "serialNumber", "capacity", "busType", "mediaName");
                Assert.Empty(Strings(destination, "volumeName"));
                Assert.Empty(Strings(destination, "partitionId"));
            }
        }
    }

    [Fact]
    public async Task Process_extension_is_an_object_filled_only_for_browsers()
    {
        foreach (var (record, json) in await ReadEventsAsync())
        {
            var extension = ObjectWithKeys(json.GetProperty("process"), "extension", ExtensionKeys);
            var kind = record.Channel.Browser ? JsonValueKind.String : JsonValueKind.Null;
            Assert.All(ExtensionKeys, key => Assert.Equal(kind, extension.GetProperty(key).ValueKind));
        }
    }
}
