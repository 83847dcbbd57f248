using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Cmdlets.Common;
using CaseOps.Http;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>Error ids and categories for each kind of API failure (docs/architecture.md, Errors).</summary>
public sealed class ErrorMappingTests
{
    private static ErrorRecord Map(int status, string? code = null, string? requestId = "req-1") =>
        ErrorRecordFactory.FromApi(
            new CaseOpsApiException("failed", status, code, "server text", requestId, "GET", "v1/cases/7"),
            new ErrorContext("Case 7", "CaseNotFound", 7L),
            CaseProblems.Map);

    [Theory]
    [InlineData(400, "InvalidRequest", ErrorCategory.InvalidArgument)]
    [InlineData(401, "AuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData(403, "PermissionDenied", ErrorCategory.PermissionDenied)]
    [InlineData(404, "CaseNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(409, "Conflict", ErrorCategory.ResourceExists)]
    [InlineData(422, "InvalidData", ErrorCategory.InvalidData)]
    [InlineData(429, "RateLimited", ErrorCategory.LimitsExceeded)]
    [InlineData(500, "ConnectionFailed", ErrorCategory.ConnectionError)]
    [InlineData(0, "ConnectionFailed", ErrorCategory.ConnectionError)]
    [InlineData(200, "InvalidResponse", ErrorCategory.InvalidResult)]
    public void Statuses_map_to_stable_ids_and_categories(int status, string id, ErrorCategory category)
    {
        var record = Map(status);

        Assert.Equal(id, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal(7L, record.TargetObject);
    }

    [Fact]
    public void Problem_codes_name_the_case_and_keep_the_request_id()
    {
        var record = Map(400, "NAME_EXISTS");

        Assert.Equal("CaseNameExists", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, record.CategoryInfo.Category);
        Assert.StartsWith("Case 7: a case with this name already exists.", record.ErrorDetails.Message);
        Assert.EndsWith("Request id: req-1.", record.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("Case 7 not found", "Case 7 was not found. Request id: req-1.")]
    [InlineData("case 7: NOT FOUND.", "Case 7 was not found. Request id: req-1.")]
    [InlineData("Case 7 was deleted by an administrator", "Case 7 was not found (Case 7 was deleted by an administrator). Request id: req-1.")]
    [InlineData("not found: case 7", "Case 7 was not found. Request id: req-1.")]
    [InlineData("Case 7 gone", "Case 7 was not found (Case 7 gone). Request id: req-1.")]
    [InlineData(null, "Case 7 was not found. Request id: req-1.")]
    public void Not_found_keeps_the_server_text_only_when_it_says_more(string? serverText, string message)
    {
        var record = ErrorRecordFactory.FromApi(
            new CaseOpsApiException("failed", 404, null, serverText, "req-1", "GET", "v1/cases/7"),
            new ErrorContext("Case 7", "CaseNotFound", 7L));

        Assert.Equal(message, record.ErrorDetails.Message);
    }

    [Fact]
    public void Redactor_masks_secrets_with_escaped_quotes()
    {
        var text = SecretRedactor.Redact("{\"client_secret\":\"ab\\\"cd-secret-tail\",\"next\":1}");

        Assert.DoesNotContain("secret-tail", text);
        Assert.Contains("\"next\":1", text);
    }
}
