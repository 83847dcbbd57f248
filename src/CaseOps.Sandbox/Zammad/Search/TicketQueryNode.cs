namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>A parsed search query (see <see cref="TicketQueryParser"/> for the syntax).</summary>
public abstract record TicketQueryNode;

/// <summary>Matches every ticket (empty query, or <c>*</c> alone).</summary>
public sealed record MatchAllNode : TicketQueryNode;

/// <summary>A term: free text when <paramref name="Field"/> is null, else <c>field:value</c>.</summary>
/// <param name="Field">Lower-case known field name, or null for free text.</param>
/// <param name="Value">Text to look for (a quoted phrase without its quotes).</param>
public sealed record TermNode(string? Field, string Value) : TicketQueryNode;

/// <summary>Both sides match.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record AndNode(TicketQueryNode Left, TicketQueryNode Right) : TicketQueryNode;

/// <summary>Either side matches.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record OrNode(TicketQueryNode Left, TicketQueryNode Right) : TicketQueryNode;

/// <summary>The operand does not match.</summary>
/// <param name="Operand">Negated query.</param>
public sealed record NotNode(TicketQueryNode Operand) : TicketQueryNode;
