using System.Collections;
using CaseOps.Connections;
using CaseOps.Generic;
using CaseOps.Http;
using Newtonsoft.Json.Linq;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// The escape hatch (docs/architecture.md, "From a cmdlet to the wire and back"): any method and path on an Incydr or Zammad connection, with
    /// the connection's credentials, retries, error mapping and paging, for endpoints no cmdlet wraps yet.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "CaseOpsRequest", DefaultParameterSetName = ServiceSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    [OutputType(typeof(RawApiResponse))]
    public sealed class InvokeCaseOpsRequestCommand : CaseOpsCmdlet
    {
        private const string ServiceSet = "Service";
        private const string ConnectionSet = "Connection";

        private RawRequest? _request;

        /// <summary>The path below the connection's base URL, e.g. v1/cases/7 or tickets/12.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Query parameters; an array value repeats the parameter.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>The JSON body: a hashtable, an object, an array, or a string of JSON sent as it is.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>The service whose default connection to use.</summary>
        [Parameter(ParameterSetName = ServiceSet)]
        public CaseOpsService Service { get; set; }

        /// <summary>An Incydr or Zammad connection to use instead of a default one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConnectionSet)]
        [ValidateNotNull]
        public CaseOpsConnection? Connection { get; set; }

        /// <summary>Follows the API's paging and writes the items of every page (GET only).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Returns the status, headers and body text instead of parsed objects; error statuses are returned, not thrown.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void BeginProcessing()
        {
            string method;
            try
            {
                method = RawRequest.ParseMethod(Method);
                if (All.IsPresent && method != "GET")
                    throw new ArgumentException($"-All follows the paging of GET requests; it cannot be used with -Method {Method.ToUpperInvariant()}.");
                if (All.IsPresent && Raw.IsPresent)
                    throw new ArgumentException("-All and -Raw cannot be used together: -Raw returns one answer as it came, -All the items of many pages.");
                var hasBody = IsBound(nameof(Body)) && Body != null;
                if (hasBody && method == "GET")
                    throw new ArgumentException("A GET request carries no body; pass its parameters with -Query.");
                _request = RawRequest.Create(method, Path, RawRequestParameters.QueryPairs(Query), hasBody ? RawRequestParameters.BodyText(Body) : null);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidRequestArgument", ErrorCategory.InvalidArgument, Path));
                return;
            }
            catch (RawRequestException ex)
            {
                ThrowTerminatingError(RawRequestParameters.ErrorRecordFor(ex, Path));
                return;
            }
            catch (Newtonsoft.Json.JsonException ex)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Body cannot be converted to JSON: " + ex.Message, ex), "InvalidBody", ErrorCategory.InvalidArgument, Body));
            }
        }

        protected override void ProcessRecord()
        {
            var request = _request!;
            var resolver = new ConnectionResolver(this);
            var connection = IsBound(nameof(Service)) && Connection == null ? resolver.Resolve(null, Service) : resolver.ResolveEither(Connection);
            var service = new RawRequestService(connection, RequestLog);
            var context = new ErrorContext(request.Description, "RequestFailed", request.Path);

            if (!request.IsGet
                && !ShouldProcess($"{connection.Service} {new Uri(connection.BaseUri, request.Path)}", request.Method))
                return;

            try
            {
                if (Raw.IsPresent)
                    WriteObject(Await(service.SendRawAsync(request, CancellationToken)));
                else if (All.IsPresent)
                    WriteStream(service.List(request), "Listing " + request.Description, includeTotalCount: false, item => PowerShellJson.ToPowerShell(item)!);
                else
                    WriteAnswer(Await(service.SendAsync(request, CancellationToken)));
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, context);
            }
            catch (RawRequestException ex) when (ex.Problem == RawRequestProblem.NotAListing)
            {
                WriteError(RawRequestParameters.ErrorRecordFor(ex, request.Path));
            }
            catch (RawRequestException ex)
            {
                ThrowTerminatingError(RawRequestParameters.ErrorRecordFor(ex, Path));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidRequestArgument", ErrorCategory.InvalidArgument, Path));
            }
        }

        /// <summary>JSON objects as PSCustomObjects, arrays one item per pipeline object, scalars as they are, text as a string.</summary>
        private void WriteAnswer(RawRequestAnswer answer)
        {
            if (answer.Text != null)
            {
                WriteObject(answer.Text);
                return;
            }
            switch (answer.Json)
            {
                case null:
                    return;
                case JArray array:
                    foreach (var item in array)
                        WriteObject(PowerShellJson.ToPowerShell(item));
                    return;
                case JValue value when value.Type == JTokenType.Null:
                    return;
                default:
                    WriteObject(PowerShellJson.ToPowerShell(answer.Json));
                    return;
            }
        }
    }
}
