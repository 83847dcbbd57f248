using System.Management.Automation;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>A tag name must have visible text and no comma (Zammad joins tag lists with commas).</summary>
    public sealed class ValidateTagNameAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments) as string;
            if (string.IsNullOrWhiteSpace(text))
                throw new ValidationMetadataException("A tag name must not be empty or only spaces.");
            if (text!.IndexOf(',') >= 0)
                throw new ValidationMetadataException($"The tag name '{text}' contains a comma; Zammad separates tags with commas.");
        }
    }
}
