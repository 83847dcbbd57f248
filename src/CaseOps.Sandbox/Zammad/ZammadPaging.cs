namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// <c>page</c> / <c>per_page</c> (alias <c>limit</c>) of docs/contracts/zammad.md, Paging: page &lt; 1 counts as 1,
/// per_page is clamped to 1..max, and a page past the end is empty.
/// </summary>
/// <param name="Page">1-based page.</param>
/// <param name="PerPage">Items per page after clamping.</param>
public readonly record struct ZammadPaging(int Page, int PerPage)
{
    /// <summary>Items to skip.</summary>
    public long Skip => (long)(Page - 1) * PerPage;

    /// <summary>Reads the paging parameters with the endpoint's default and maximum.</summary>
    public static ZammadPaging From(ZammadParams parameters, int defaultPerPage, int maxPerPage)
    {
        var page = parameters.Int("page") is { } p && p > 1 ? p : 1;
        var perPage = parameters.Int("per_page") ?? parameters.Int("limit") ?? defaultPerPage;
        perPage = Math.Clamp(perPage < 1 ? defaultPerPage : perPage, 1, maxPerPage);
        return new ZammadPaging(page, perPage);
    }

    /// <summary>The page's slice of <paramref name="items"/>.</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> items) => Skip > int.MaxValue ? [] : items.Skip((int)Skip).Take(PerPage);
}
