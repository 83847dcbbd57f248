namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>
/// Splits a query into tokens: <c>(</c>, <c>)</c>, the upper-case keywords <c>AND</c>/<c>OR</c>/<c>NOT</c>,
/// double-quoted phrases (an unterminated quote runs to the end), <c>field:value</c> and
/// <c>field:"phrase"</c>, and plain words (anything up to white space, a parenthesis or a quote).
/// </summary>
public static class TicketQueryLexer
{
    /// <summary>Tokenizes <paramref name="query"/> (the caller has already removed <c>*</c>).</summary>
    public static IReadOnlyList<TicketQueryToken> Tokenize(string query)
    {
        var tokens = new List<TicketQueryToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Open));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Close));
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Term, null, Phrase(query, ref i)));
            }
            else
            {
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                var word = query[start..i];
                var colon = word.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && colon == word.Length - 1 && i < query.Length && query[i] == '"')
                {
                    tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Term, word[..colon], Phrase(query, ref i)));
                }
                else if (word is "AND" or "OR" or "NOT")
                {
                    tokens.Add(new TicketQueryToken(word switch { "AND" => TicketQueryTokenKind.And, "OR" => TicketQueryTokenKind.Or, _ => TicketQueryTokenKind.Not }));
                }
                else if (colon > 0 && colon < word.Length - 1)
                {
                    tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Term, word[..colon], word[(colon + 1)..]));
                }
                else
                {
                    tokens.Add(new TicketQueryToken(TicketQueryTokenKind.Term, null, word));
                }
            }
        }

        return tokens;
    }

    /// <summary>Reads a quoted phrase starting at the quote at <paramref name="i"/>; leaves <paramref name="i"/> after the closing quote.</summary>
    private static string Phrase(string query, ref int i)
    {
        var end = query.IndexOf('"', i + 1);
        var phrase = end < 0 ? query[(i + 1)..] : query[(i + 1)..end];
        i = end < 0 ? query.Length : end + 1;
        return phrase;
    }
}
