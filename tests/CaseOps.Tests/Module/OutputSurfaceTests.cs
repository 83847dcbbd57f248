using System.Collections.Specialized;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Json;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CaseOps.Tests.Module;

/// <summary>
/// What ConvertTo-Json, Export-Csv, Export-Clixml and Select-Object can reach: every public
/// property of an output type, and of the types those lead to. None may be a
/// Newtonsoft type, nor lead to the HTTP client, an authenticator or a secret
/// (docs/architecture.md, Output types). tests/Serialization.Tests.ps1 runs the four paths for real.
/// </summary>
public sealed class OutputSurfaceTests
{
    private static readonly Type[] Roots =
    {
        typeof(Case), typeof(CaseFileEvent), typeof(FileEventDetail), typeof(IncydrUser), typeof(Ticket), typeof(TicketArticle),
        typeof(TicketAttachment), typeof(TicketLink), typeof(TicketHistoryEntry), typeof(TicketTimeAccounting),
        typeof(TicketPriority), typeof(TicketState), typeof(Tag), typeof(TicketTag), typeof(ZammadUser),
        typeof(IncydrConnection), typeof(ZammadConnection), typeof(RawApiResponse),
    };

    public static TheoryData<Type> OutputTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in Roots)
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void No_public_property_reaches_json_internals_the_http_client_or_a_secret(Type root)
    {
        var problems = new List<string>();
        Walk(root, root.Name, new HashSet<Type>(), problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Json_values_become_plain_PowerShell_values()
    {
        var json = JObject.Parse("{\"s\":\"text\",\"n\":42,\"f\":1.5,\"b\":true,\"z\":null,\"a\":[1,\"x\",null],\"o\":{\"inner\":[true]}}");
        CaseOps.Cmdlets.Common.PowerShellJson.Install();   // what importing the module does

        var plain = PlainJson.ToDictionary(json.Properties().ToDictionary(p => p.Name, p => p.Value));

        Assert.Equal("text", plain["s"]);
        Assert.Equal(42L, plain["n"]);
        Assert.Equal(1.5, plain["f"]);
        Assert.Equal(true, plain["b"]);
        Assert.Null(plain["z"]);
        Assert.Equal(new object?[] { 1L, "x", null }, Assert.IsType<object?[]>(plain["a"]));
        var inner = Assert.IsType<PSObject>(plain["o"]);
        Assert.Equal(new object?[] { true }, Assert.IsType<object?[]>(inner.Properties["inner"].Value));
        Assert.Equal("text", plain["S"]);   // names in any letter case, as PowerShell properties
    }

    [Fact]
    public void Unknown_fields_are_read_through_a_method_as_plain_values()
    {
        var json = "{\"number\":5,\"name\":\"n\",\"status\":\"OPEN\",\"createdAt\":\"2025-03-04T09:15:27.481920Z\",\"updatedAt\":\"2025-03-04T09:15:27.481920Z\",\"riskTier\":3,\"labels\":[\"a\"]}";

        var parsed = Newtonsoft.Json.JsonConvert.DeserializeObject<Case>(json, NewtonsoftRestSerializer.Settings)!;
        var extra = parsed.GetAdditionalProperties();

        Assert.Equal(3L, extra["RISKTIER"]);
        Assert.Equal(new object[] { "a" }, extra["labels"]);
        extra["riskTier"] = 4;   // a copy: changing it changes nothing
        Assert.Equal(3L, parsed.GetAdditionalProperties()["riskTier"]);
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", seen, problems);
            return;
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                Walk(argument, path + "<>", seen, problems);
        }
        if (Forbidden(type))
        {
            problems.Add($"{path}: {type.FullName}");
            return;
        }
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset)
            || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(object) || type.Assembly == typeof(object).Assembly
            || !seen.Add(type))
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            Walk(property.PropertyType, path + "." + property.Name, seen, problems);
    }

    private static bool Forbidden(Type type) =>
        type.Assembly == typeof(JToken).Assembly
        || type.Assembly.GetName().Name is "RestSharp" or "Polly" or "Polly.Core"
        || type == typeof(ApiClient) || type == typeof(SecureString) || type == typeof(System.Net.NetworkCredential)
        || type == typeof(PSCredential) || type == typeof(OrderedDictionary)
        || type.Name.Contains("Authenticator", StringComparison.Ordinal) || type.Name.Contains("Token", StringComparison.Ordinal)
        || type.Name.Contains("Credential", StringComparison.Ordinal);
}
