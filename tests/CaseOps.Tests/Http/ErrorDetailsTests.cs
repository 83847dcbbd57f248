using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Cmdlets.Common;
using CaseOps.Http;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// The words of an API error as the user reads them: the message (with its request id) and the
/// recommended action of each kind of failure (docs/architecture.md, "Errors").
/// </summary>
public sealed class ErrorDetailsTests
{
    private const string ReconnectAction = "Check the credentials and connect again.";
    private const string FailedAction = "The service failed or could not be reached (requests safe to repeat were retried); quote the request id when reporting it.";
    private const string TooLargeAction = "The request was too large for the service (for example a very long query or filter); shorten it or split it into several commands.";

    private static CaseOpsApiException Failure(int status, string? requestId = "req-1", string? code = null, string? serverText = "server text") =>
        new($"Incydr answered {status} to GET v1/cases/7{(serverText == null ? string.Empty : ": " + serverText)}." + (requestId == null ? string.Empty : $" Request id: {requestId}."),
            status, code, serverText, requestId, "GET", "v1/cases/7");

    private static ErrorRecord Map(CaseOpsApiException ex, string? outcomeCheck = null) =>
        ErrorRecordFactory.FromApi(ex, new ErrorContext("Case 7", "CaseNotFound", 7L) { OutcomeCheck = outcomeCheck }, CaseProblems.Map);

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(409)]
    [InlineData(422)]
    public void Statuses_without_words_of_their_own_keep_the_exception_message_with_its_request_id(int status)
    {
        var ex = Failure(status, serverText: null);

        var record = Map(ex);

        Assert.Null(record.ErrorDetails);
        Assert.Equal($"Incydr answered {status} to GET v1/cases/7. Request id: req-1.", record.Exception.Message);
        Assert.Equal(record.Exception.Message, record.ToString());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(0)]
    public void Server_and_transport_failures_keep_the_whole_message_and_say_to_quote_the_request_id(int status)
    {
        var ex = Failure(status);

        var record = Map(ex);

        Assert.Equal($"Incydr answered {status} to GET v1/cases/7: server text. Request id: req-1.", record.ErrorDetails.Message);
        Assert.Equal(FailedAction, record.ErrorDetails.RecommendedAction);
        Assert.Equal(record.ErrorDetails.Message, record.ToString());
    }

    [Theory]
    [InlineData(413)]
    [InlineData(414)]
    public void A_request_too_large_for_the_service_has_its_own_error_id(int status)
    {
        var record = Map(Failure(status));

        Assert.Equal("RequestTooLarge", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
    }

    [Theory]
    [InlineData(401, ReconnectAction)]
    [InlineData(413, TooLargeAction)]
    [InlineData(414, TooLargeAction)]
    [InlineData(429, "The API kept answering 429 after retries; wait and run the command again.")]
    [InlineData(200, "The service answered with data CaseOps could not read; run with -Debug to see the body.")]
    [InlineData(299, "The service answered with data CaseOps could not read; run with -Debug to see the body.")]
    [InlineData(300, FailedAction)]
    [InlineData(199, FailedAction)]
    public void Each_status_family_recommends_its_action_and_keeps_the_message(int status, string action)
    {
        var record = Map(Failure(status));

        Assert.Equal($"Incydr answered {status} to GET v1/cases/7: server text. Request id: req-1.", record.ErrorDetails.Message);
        Assert.Equal(action, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_server_text_for_422_is_the_message_with_the_request_id_and_no_action()
    {
        var record = Map(Failure(422, serverText: "Title can't be blank."));

        Assert.Equal("InvalidData", record.FullyQualifiedErrorId);
        Assert.Equal("Case 7: Title can't be blank. Request id: req-1.", record.ErrorDetails.Message);
        Assert.Empty(record.ErrorDetails.RecommendedAction);   // PowerShell keeps "" for no action
    }

    [Fact]
    public void Without_a_request_id_our_own_message_has_no_request_id_sentence()
    {
        var notFound = Map(Failure(404, requestId: null, serverText: null));
        var problem = Map(Failure(400, requestId: null, code: "NAME_EXISTS"));

        Assert.Equal("Case 7 was not found.", notFound.ErrorDetails.Message);
        Assert.Empty(notFound.ErrorDetails.RecommendedAction);   // PowerShell keeps "" for no action
        Assert.Equal("Case 7: a case with this name already exists. Case names are unique in a tenant.", problem.ErrorDetails.Message);
        Assert.Empty(problem.ErrorDetails.RecommendedAction);   // PowerShell keeps "" for no action
    }

    [Fact]
    public void A_problem_code_message_takes_the_server_text_and_the_request_id()
    {
        var record = Map(Failure(400, code: "INVALID_USER", serverText: "no user 'u-9'"));

        Assert.Equal("CaseUserInvalid", record.FullyQualifiedErrorId);
        Assert.Equal("Case 7: Incydr does not know the user id given (no user 'u-9'). -Subject and -Assignee take user UIDs. Request id: req-1.", record.ErrorDetails.Message);
        Assert.Empty(record.ErrorDetails.RecommendedAction);   // PowerShell keeps "" for no action
    }

    [Fact]
    public void A_message_of_our_own_is_capped_like_server_text()
    {
        var huge = new string('x', 10_000);

        var record = Map(Failure(422, serverText: huge));

        var expected = ("Case 7: " + huge + " Request id: req-1.")[..ServerText.MaxMessageLength];
        Assert.Equal(expected + $"… ({"Case 7: ".Length + huge.Length + " Request id: req-1.".Length - ServerText.MaxMessageLength} more characters)", record.ErrorDetails.Message);
    }

    [Fact]
    public void Refused_credentials_say_what_to_run_and_keep_the_request_id()
    {
        var ex = Failure(403, serverText: null);
        ex.CredentialsRefused = true;

        var record = Map(ex);

        Assert.Equal("AuthenticationFailed", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.Equal(ex.Message + " Check the client id and secret, then run Connect-Incydr again. Request id: req-1.", record.ErrorDetails.Message);
        Assert.Equal(ReconnectAction, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Refused_credentials_win_over_a_problem_code()
    {
        var ex = Failure(400, code: "NAME_EXISTS");
        ex.CredentialsRefused = true;

        Assert.Equal("AuthenticationFailed", Map(ex).FullyQualifiedErrorId);
    }

    [Fact]
    public void No_API_at_the_address_says_to_check_the_address()
    {
        var ex = Failure(404, code: "NAME_EXISTS");
        ex.ApiNotFound = true;

        var record = Map(ex);

        Assert.Equal("ApiNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal(ex.Message, record.ErrorDetails.Message);
        Assert.Equal("Check the address of the connection (Connect-Incydr -Uri, Connect-Zammad -Uri or the CASEOPS_*_URL environment variable).", record.ErrorDetails.RecommendedAction);
    }

    [Theory]
    [InlineData("Authorization", "The credentials hold a character HTTP cannot carry; check the token or password and connect again.")]
    [InlineData("authorization", "The credentials hold a character HTTP cannot carry; check the token or password and connect again.")]
    [InlineData("X-On-Behalf-Of", "Use a value of printable ASCII characters only (for -OnBehalfOf, the user's id or an ASCII login or email).")]
    public void A_header_HTTP_cannot_carry_is_an_invalid_argument_with_advice_for_that_header(string header, string action)
    {
        var ex = new CaseOpsApiException("GET v1/cases/7 was not sent to Incydr: bad character.", 0, null, null, null, "GET", "v1/cases/7") { InvalidHeader = header };

        var record = Map(ex);

        Assert.Equal("InvalidHeaderValue", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal("GET v1/cases/7 was not sent to Incydr: bad character.", record.ErrorDetails.Message);
        Assert.Equal(action, record.ErrorDetails.RecommendedAction);
    }

    [Theory]
    [InlineData(null, "Check whether the change took effect before running the command again.")]
    [InlineData("Run Get-Case -Number 7 to see whether it changed.", "Run Get-Case -Number 7 to see whether it changed.")]
    public void An_unknown_outcome_recommends_the_check_of_its_context(string? check, string action)
    {
        var ex = Failure(0);
        ex.OutcomeUnknown = true;

        var record = Map(ex, check);

        Assert.Equal("OutcomeUnknown", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Equal(ex.Message, record.ErrorDetails.Message);
        Assert.Equal(action, record.ErrorDetails.RecommendedAction);
    }

    public static TheoryData<string, int, bool, bool, string?, string, ErrorCategory> ConnectFailures => new()
    {
        // name, status, credentials refused, no API, invalid header, error id, category
        { "refused", 400, true, false, null, "AuthenticationFailed", ErrorCategory.AuthenticationError },
        { "401", 401, false, false, null, "AuthenticationFailed", ErrorCategory.AuthenticationError },
        { "403", 403, false, false, null, "PermissionDenied", ErrorCategory.PermissionDenied },
        { "500", 500, false, false, null, "ConnectionFailed", ErrorCategory.ConnectionError },
        { "0", 0, false, false, null, "ConnectionFailed", ErrorCategory.ConnectionError },
        { "no API", 404, false, true, null, "ApiNotFound", ErrorCategory.ObjectNotFound },
        { "header", 0, false, false, "Authorization", "InvalidHeaderValue", ErrorCategory.InvalidArgument },
        { "429", 429, false, false, null, "RateLimited", ErrorCategory.LimitsExceeded },
    };

    [Theory]
    [MemberData(nameof(ConnectFailures))]
    public void Connect_failures_map_to_their_ids(string name, int status, bool refused, bool noApi, string? header, string id, ErrorCategory category)
    {
        var ex = Failure(status);
        ex.CredentialsRefused = refused;
        ex.ApiNotFound = noApi;
        ex.InvalidHeader = header;

        var record = ErrorRecordFactory.FromConnect(ex, "https://incydr.example/");

        Assert.True(id == record.FullyQualifiedErrorId, name + ": " + record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("https://incydr.example/", record.TargetObject);
    }

    [Fact]
    public void Connect_with_refused_credentials_says_what_to_run_and_a_plain_401_keeps_the_exception_message()
    {
        var refused = Failure(401);
        refused.CredentialsRefused = true;
        var plain = Failure(401);

        var refusedRecord = ErrorRecordFactory.FromConnect(refused, "u");
        var plainRecord = ErrorRecordFactory.FromConnect(plain, "u");

        Assert.Equal(refused.Message + " Check the client id and secret, then run Connect-Incydr again.", refusedRecord.ErrorDetails.Message);
        Assert.Empty(refusedRecord.ErrorDetails.RecommendedAction);   // PowerShell keeps "" for no action
        Assert.Null(plainRecord.ErrorDetails);
        Assert.Equal(plain.Message, plainRecord.ToString());
    }

    [Fact]
    public void Connect_429_and_no_API_get_the_words_of_FromApi()
    {
        var limited = ErrorRecordFactory.FromConnect(Failure(429), "u");
        var forbidden = ErrorRecordFactory.FromConnect(Failure(403), "u");

        Assert.Equal("The API kept answering 429 after retries; wait and run the command again.", limited.ErrorDetails.RecommendedAction);
        Assert.Null(forbidden.ErrorDetails);
    }
}
