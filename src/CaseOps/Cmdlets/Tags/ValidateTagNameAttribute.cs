namespace CaseOps.Cmdlets.Tags
{
    /// <summary>A tag name must have visible text and no comma (Zammad joins tag lists with commas).</summary>
    public sealed class ValidateTagNameAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var text = (element is PSObject wrapped ? wrapped.BaseObject : element) as string;
            if (string.IsNullOrWhiteSpace(text))
                throw new ValidationMetadataException("A tag name must not be empty or only spaces.");
            if (text!.IndexOf(',') >= 0)
                throw new ValidationMetadataException($"The tag name '{text}' contains a comma; Zammad separates tags with commas.");
        }
    }
}
