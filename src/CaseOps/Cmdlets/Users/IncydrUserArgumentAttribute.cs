using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Users
{
    /// <summary>
    /// Lets a user parameter (-Assignee, -Subject) take an <see cref="IncydrUser"/> as well as text: the
    /// object becomes its user id, which the cmdlet then finds in the connection's user directory.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class IncydrUserArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is IncydrUser user ? user.UserId : inputData;
        }
    }
}
