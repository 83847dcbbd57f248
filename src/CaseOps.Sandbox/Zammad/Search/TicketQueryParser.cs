namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>
/// Parses the ticket search syntax documented in <c>Zammad/SEARCH.md</c>:
/// <list type="bullet">
/// <item>free text: case-insensitive substring of title, number, and the articles' body/from/to/subject;</item>
/// <item><c>field:value</c> and <c>field:"phrase"</c> for the fields of <see cref="TicketQueryFields"/> (names case-insensitive);
/// an unknown field name makes the whole <c>name:value</c> a free-text word;</item>
/// <item>double-quoted phrases (free text with spaces);</item>
/// <item><c>AND</c>, <c>OR</c>, <c>NOT</c> in upper case; juxtaposition means AND; precedence NOT &gt; AND &gt; OR; parentheses group.</item>
/// </list>
/// Not supported (taken literally as free-text words, so they usually match nothing): ranges
/// (<c>[a TO b]</c>, <c>&gt;</c>), wildcards inside terms (every <c>*</c> is removed before parsing, <c>?</c> is literal),
/// fuzzy <c>~</c>, boosting <c>^</c>, <c>_exists_</c>, date math, <c>+</c>/<c>-</c> prefixes, <c>&amp;&amp;</c>/<c>||</c>/<c>!</c>,
/// lower-case keywords, and <c>field:(a OR b)</c> groups. Malformed input never fails: a dangling
/// operator or an unbalanced parenthesis is ignored.
/// </summary>
public sealed class TicketQueryParser
{
    private readonly IReadOnlyList<TicketQueryToken> tokens;
    private readonly IReadOnlyCollection<string> customFields;
    private int position;

    private TicketQueryParser(IReadOnlyList<TicketQueryToken> tokens, IReadOnlyCollection<string> customFields)
    {
        this.tokens = tokens;
        this.customFields = customFields;
    }

    /// <summary>Parses a query. <c>*</c> characters are removed first (docs/contracts/zammad.md, Searching tickets), so <c>*</c> alone matches everything.</summary>
    /// <param name="query">Query text (null or blank matches everything).</param>
    /// <param name="customFields">Custom attribute names usable as fields.</param>
    public static TicketQueryNode Parse(string? query, IReadOnlyCollection<string> customFields)
    {
        var text = (query ?? string.Empty).Replace("*", string.Empty, StringComparison.Ordinal);
        var parser = new TicketQueryParser(TicketQueryLexer.Tokenize(text), customFields);
        TicketQueryNode? result = null;
        while (parser.position < parser.tokens.Count)
        {
            // A stray ')' ends ParseOr early; skip it and AND the rest on.
            if (parser.Peek() == TicketQueryTokenKind.Close)
            {
                parser.position++;
                continue;
            }

            result = Combine(result, parser.ParseOr(), (l, r) => new AndNode(l, r));
        }

        return result ?? new MatchAllNode();
    }

    private TicketQueryTokenKind? Peek() => position < tokens.Count ? tokens[position].Kind : null;

    private TicketQueryNode? ParseOr()
    {
        var left = ParseAnd();
        while (Peek() == TicketQueryTokenKind.Or)
        {
            position++;
            left = Combine(left, ParseAnd(), (l, r) => new OrNode(l, r));
        }

        return left;
    }

    private TicketQueryNode? ParseAnd()
    {
        var left = ParseUnary();
        while (Peek() is { } kind && kind is not (TicketQueryTokenKind.Or or TicketQueryTokenKind.Close))
        {
            if (kind == TicketQueryTokenKind.And)
            {
                position++;
            }

            left = Combine(left, ParseUnary(), (l, r) => new AndNode(l, r));
        }

        return left;
    }

    private TicketQueryNode? ParseUnary()
    {
        if (Peek() == TicketQueryTokenKind.Not)
        {
            position++;
            return ParseUnary() is { } operand ? new NotNode(operand) : null;
        }

        return ParsePrimary();
    }

    private TicketQueryNode? ParsePrimary()
    {
        switch (Peek())
        {
            case TicketQueryTokenKind.Open:
                position++;
                var inner = ParseOr();
                if (Peek() == TicketQueryTokenKind.Close)
                {
                    position++;
                }

                return inner;
            case TicketQueryTokenKind.Term:
                var token = tokens[position++];
                return Term(token);
            default:
                // A keyword where an operand belongs (e.g. "AND AND"): skip it; the loops above go on.
                if (Peek() is TicketQueryTokenKind.And)
                {
                    position++;
                }

                return null;
        }
    }

    private TermNode? Term(TicketQueryToken token)
    {
        if (token.Field is null)
        {
            return token.Value.Length == 0 ? null : new TermNode(null, token.Value);
        }

        var field = TicketQueryFields.Normalize(token.Field, customFields);
        return field is null ? new TermNode(null, token.Field + ":" + token.Value) : new TermNode(field, token.Value);
    }

    private static TicketQueryNode? Combine(TicketQueryNode? left, TicketQueryNode? right, Func<TicketQueryNode, TicketQueryNode, TicketQueryNode> both) =>
        left is null ? right : right is null ? left : both(left, right);
}
