namespace CaseOps.Http
{
    /// <summary>
    /// An answer with status 2xx whose body does not have the shape its model declares, or that is
    /// about another object than the one asked for. Raised while reading; <see cref="ApiClient"/>
    /// turns it into a <see cref="CaseOpsApiException"/> that names the request and the request id
    /// (docs/architecture.md, "Errors").
    /// </summary>
    internal sealed class InvalidAnswerException : Exception
    {
        public InvalidAnswerException(string member, string problem)
            : base(Describe(member, problem))
        {
            Member = member;
            Problem = problem;
        }

        /// <summary>The JSON path of the member at fault, e.g. <c>cases[3].number</c>; <c>(root)</c> for the whole body.</summary>
        public string Member { get; }

        /// <summary>What is wrong with it.</summary>
        public string Problem { get; }

        internal static string PathOf(Newtonsoft.Json.Linq.JToken token) => token.Path.Length == 0 ? "(root)" : token.Path;

        private static string Describe(string member, string problem) => "'" + member + "' " + problem;
    }
}
