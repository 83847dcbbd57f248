namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Like ValidateLength, but lets $null through: optional text fields take $null to mean
    /// "no value", and rows piped by property name often carry nulls.
    /// </summary>
    public sealed class ValidateTextLengthAttribute : ValidateArgumentsAttribute
    {
        public ValidateTextLengthAttribute(int maxLength) => MaxLength = maxLength;

        public int MaxLength { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (text != null && text.Length > MaxLength)
                throw new ValidationMetadataException($"The text is {text.Length} characters long; at most {MaxLength} are allowed.");
        }
    }
}
