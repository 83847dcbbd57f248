using System.Collections;
using System.Linq;
using System.Management.Automation.Language;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>Completes -Uri of Connect-Incydr with the regional API base URLs.</summary>
    public sealed class IncydrUriCompleter : IArgumentCompleter
    {
        private static readonly string[] Regions = { "us", "us2", "us7", "ie", "uk", "de", "gov", "au", "ca", "za" };

        internal static IEnumerable<string> RegionalUris => Regions.Select(r => $"https://api.{r}.code42.com");

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return RegionalUris
                .Where(uri => uri.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || uri.IndexOf("." + typed, StringComparison.OrdinalIgnoreCase) > 0)
                .Select(uri => new CompletionResult(uri, uri, CompletionResultType.ParameterValue, "Incydr API " + uri));
        }
    }
}
