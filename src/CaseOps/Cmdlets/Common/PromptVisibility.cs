using System.Reflection;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Whether ShouldProcess will show its text as a prompt: under -WhatIf, or as a -Confirm question (asked
    /// for, or the command's ConfirmImpact at or above $ConfirmPreference). A command given only an id reads
    /// the object to name it in the prompt only then, so bulk changes nobody is asked about cost no extra
    /// request; the verbose line ShouldProcess writes under -Verbose names such an object by id
    /// (docs/architecture.md, "Prompts").
    /// </summary>
    /// <remarks>The rules are those ShouldProcess applies itself; a wrong guess costs a read, or a prompt that names the object by id only.</remarks>
    internal static class PromptVisibility
    {
        /// <summary>True when ShouldProcess will prompt or print "What if"; <paramref name="force"/> is the command's -Force, which skips it unless -WhatIf or -Confirm was given.</summary>
        public static bool IsShown(PSCmdlet cmdlet, bool force = false)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (force && !bound.ContainsKey("WhatIf") && !bound.ContainsKey("Confirm"))
                return false;
            var whatIf = bound.TryGetValue("WhatIf", out var value) ? value : cmdlet.GetVariableValue("WhatIfPreference");
            return LanguagePrimitives.IsTrue(whatIf) || Confirms(cmdlet);
        }

        // -Confirm asks, -Confirm:$false never does; else a command asks when its impact reaches $ConfirmPreference.
        private static bool Confirms(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
                return LanguagePrimitives.IsTrue(confirm);
            var impact = cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
            if (!LanguagePrimitives.TryConvertTo<ConfirmImpact>(cmdlet.GetVariableValue("ConfirmPreference"), out var preference))
                preference = ConfirmImpact.High;
            return impact != ConfirmImpact.None && preference != ConfirmImpact.None && impact >= preference;
        }
    }
}
