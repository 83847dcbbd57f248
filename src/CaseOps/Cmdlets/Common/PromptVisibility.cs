namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Whether ShouldProcess will show its text in this run (docs/architecture.md, "Prompts"): a command
    /// reads an object only for its name in a prompt, so it asks first and skips the read when nobody
    /// would see the name.
    /// </summary>
    internal static class PromptVisibility
    {
        /// <summary>
        /// True under -WhatIf or <c>$WhatIfPreference</c>, when a confirmation will be asked (-Confirm, or
        /// <c>$ConfirmPreference</c> at or below <paramref name="impact"/>), and under -Verbose, where
        /// ShouldProcess writes the operation as a verbose line.
        /// </summary>
        public static bool WillShow(PSCmdlet cmdlet, ConfirmImpact impact)
        {
            if (Switch(cmdlet, "WhatIf") ?? LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference")))
                return true;
            if (Switch(cmdlet, "Verbose") == true)
                return true;
            if (Switch(cmdlet, "Confirm") is bool confirm)
                return confirm;
            return LanguagePrimitives.TryConvertTo<ConfirmImpact>(cmdlet.GetVariableValue("ConfirmPreference"), out var preference)
                && preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>A common switch as given on the command line (-X or -X:$false), else null.</summary>
        private static bool? Switch(PSCmdlet cmdlet, string name) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var value) ? LanguagePrimitives.IsTrue(value) : (bool?)null;
    }
}
