namespace CaseOps.Generic
{
    /// <summary>What is wrong with a raw request or its paging.</summary>
    internal enum RawRequestProblem
    {
        /// <summary>The path is empty.</summary>
        EmptyPath,
        /// <summary>The path is an absolute or protocol-relative URL; <see cref="RawRequestException.Value"/> is the path.</summary>
        AbsoluteUrl,
        /// <summary>The path names no resource (only a slash or a query).</summary>
        NoResource,
        /// <summary>Paging was asked for a method other than GET.</summary>
        PagingNeedsGet,
        /// <summary>The page size in the query is not a whole number of at least 1; <see cref="RawRequestException.Value"/> is name=value.</summary>
        InvalidPageSize,
        /// <summary>A page did not hold a list; <see cref="RawRequestException.Value"/> describes the request.</summary>
        NotAListing,
    }

    /// <summary>
    /// A raw request that cannot be sent or paged, and why. The message names no cmdlet parameter: the
    /// cmdlet layer maps <see cref="Problem"/> to its own words (docs/architecture.md, "Layers").
    /// </summary>
    internal sealed class RawRequestException : Exception
    {
        public RawRequestException(RawRequestProblem problem, string? value, string message)
            : base(message)
        {
            Problem = problem;
            Value = value;
        }

        public RawRequestProblem Problem { get; }

        /// <summary>The offending path, query parameter or request description, as the problem says.</summary>
        public string? Value { get; }
    }
}
