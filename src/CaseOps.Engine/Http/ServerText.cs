namespace CaseOps.Http
{
    /// <summary>
    /// Caps text a server sent before it goes into a message, an ErrorDetails or an exception: a broken
    /// server or proxy can answer with megabytes, and none of it may land whole in <c>$Error</c>
    /// (docs/architecture.md, "Errors").
    /// </summary>
    internal static class ServerText
    {
        /// <summary>Most characters of one piece of server text a message repeats.</summary>
        public const int MaxLength = 2000;

        /// <summary>
        /// Most characters of a whole message: a few capped pieces with CaseOps' own words around them. Only
        /// a message that carries uncapped server text is ever longer.
        /// </summary>
        public const int MaxMessageLength = 4 * MaxLength;

        /// <summary><paramref name="text"/> cut after <paramref name="max"/> characters, then "… (N more characters)".</summary>
        public static string? Cap(string? text, int max = MaxLength)
        {
            if (text == null || text.Length <= max)
                return text;
            var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never split a surrogate pair
            return text.Substring(0, keep) + "… (" + (text.Length - keep).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more characters)";
        }
    }
}
