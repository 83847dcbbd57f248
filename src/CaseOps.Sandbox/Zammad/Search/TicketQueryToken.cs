namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>Kinds of query tokens.</summary>
public enum TicketQueryTokenKind
{
    /// <summary>A term (word, phrase, or field:value).</summary>
    Term,

    /// <summary><c>AND</c>.</summary>
    And,

    /// <summary><c>OR</c>.</summary>
    Or,

    /// <summary><c>NOT</c>.</summary>
    Not,

    /// <summary><c>(</c>.</summary>
    Open,

    /// <summary><c>)</c>.</summary>
    Close,
}

/// <summary>One token of a search query.</summary>
/// <param name="Kind">Token kind.</param>
/// <param name="Field">Field name of a <c>field:value</c> term as written, or null.</param>
/// <param name="Value">Term text (phrase without quotes).</param>
public sealed record TicketQueryToken(TicketQueryTokenKind Kind, string? Field = null, string Value = "");
