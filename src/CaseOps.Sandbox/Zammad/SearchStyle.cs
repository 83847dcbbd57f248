namespace CaseOps.Sandbox.Zammad;

/// <summary>Shape of non-expanded ticket search answers (docs/contracts/zammad.md, Searching tickets).</summary>
public enum SearchStyle
{
    /// <summary>Servers up to 6.4: <c>{"tickets":[ids],"tickets_count":n,"assets":{…}}</c>.</summary>
    Classic,

    /// <summary>Newer servers: an array of <c>T+ids</c>; with <c>with_total_count=true</c> <c>{"records":[…],"total_count":n}</c>.</summary>
    Modern,
}
