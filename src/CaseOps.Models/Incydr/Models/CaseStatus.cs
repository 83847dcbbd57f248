using System.Runtime.Serialization;

namespace CaseOps.Incydr.Models
{
    /// <summary>The lifecycle state of an Incydr case. A closed case cannot be reopened.</summary>
    public enum CaseStatus
    {
        [EnumMember(Value = "OPEN")] Open,
        [EnumMember(Value = "CLOSED")] Closed,
        [EnumMember(Value = "ARCHIVED")] Archived,
    }
}
