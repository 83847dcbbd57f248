namespace CaseOps.Sandbox.Zammad;

/// <summary>docs/contracts/zammad.md, Merging tickets: <c>PUT /ticket_merge/{sourceTicketId}/{targetTicketNumber}</c>.</summary>
internal sealed class MergeRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoint onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/ticket_merge/{sourceId}/{targetNumber}", (HttpContext context, string sourceId, string targetNumber) =>
            ZammadResults.Json(new MergeService(api).Merge(ZammadCall.Of(context), sourceId, targetNumber)));
}
