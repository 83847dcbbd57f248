namespace CaseOps.Cmdlets.Common
{
    internal static class ParameterText
    {
        /// <summary>Empty strings (e.g. empty Import-Csv cells) mean "no value" to the APIs.</summary>
        public static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
