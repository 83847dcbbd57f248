using System.Reflection;
using CaseOps.Http;

namespace CaseOps.Tests.Http;

/// <summary>
/// The answer a <see cref="CaseOpsApiException"/> keeps (its internal <c>Response</c>, null when there was none).
/// RestSharp's types do not reach the tests at compile time (src/CaseOps.Engine/CaseOps.Engine.csproj), so it is
/// read by name and its members by reflection.
/// </summary>
internal static class ApiErrorAnswer
{
    public static object? Of(CaseOpsApiException error) =>
        typeof(CaseOpsApiException).GetProperty("Response", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(error);
}
