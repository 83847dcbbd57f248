using CaseOps.Sandbox.Diagnostics;
using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Http;
using CaseOps.Sandbox.Incydr;
using CaseOps.Sandbox.Zammad;

namespace CaseOps.Sandbox.Hosting;

/// <summary>Middleware order and route mapping, kept apart from host start/stop.</summary>
internal static class SandboxPipeline
{
    public static void Configure(WebApplication app, RequestLog requests, FaultSettings faults, GatewayLimits gateway, IncydrApi incydr, ZammadApi zammad)
    {
        // Request id first so every answer (faults and 404s included) carries it; the log next so
        // faulted and refused requests are recorded; faults after routing so they can see exempt endpoints.
        app.UseMiddleware<RequestIdMiddleware>();

        // Diagnostics branch off before the log, the gateway and the faults: reading the counts must
        // not change them, nor be refused or delayed by the knobs under test.
        DiagnosticsRoutes.Map(app, requests, gateway);
        app.UseMiddleware<RequestLogMiddleware>(requests);

        // The gateway before everything the APIs do, as in front of a real server: what it refuses is logged, never handled.
        app.UseMiddleware<GatewayMiddleware>(gateway);
        app.UseRouting();
        app.UseMiddleware<FaultMiddleware>(faults);
        incydr.Map(app);

        // Zammad lives under /zammad/api/v1 with its own 404 fallback for /zammad/ paths (more
        // specific than the catch-all below, so it wins there).
        zammad.Map(app);

        // Unknown paths get the same Spring-style 404 body as unknown cases instead of an empty answer.
        app.MapFallback(context => ErrorResults.Spring(context, StatusCodes.Status404NotFound, "No handler for " + context.Request.Path).ExecuteAsync(context));
    }
}
