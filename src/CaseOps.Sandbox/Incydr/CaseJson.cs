using System.Text.Json.Serialization;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Case list item of docs/contracts/incydr.md, Schemas ("slim": no description/findings). Every key
/// is always written, nulls included; timestamps are pre-formatted so the 6-digit format does not
/// depend on serializer settings.
/// </summary>
public class CaseJson
{
    /// <summary>Maps a stored record.</summary>
    public CaseJson(CaseRecord record)
    {
        Number = record.Number;
        Name = record.Name;
        CreatedAt = IsoInstant.Format(record.CreatedAt);
        UpdatedAt = IsoInstant.Format(record.UpdatedAt);
        Subject = record.Subject?.Uid;
        SubjectUsername = record.Subject?.Username;
        Status = record.Status.ToString();
        Assignee = record.Assignee?.Uid;
        AssigneeUsername = record.Assignee?.Username;
        CreatedByUserUid = record.CreatedBy?.Uid;
        CreatedByUsername = record.CreatedBy?.Username;
        LastModifiedByUserUid = record.LastModifiedBy?.Uid;
        LastModifiedByUsername = record.LastModifiedBy?.Username;
        ArchivalTime = IsoInstant.Format(record.ArchivalTime);
    }

    /// <summary>Case number.</summary>
    public long Number { get; }

    /// <summary>Name.</summary>
    public string Name { get; }

    /// <summary>Creation time.</summary>
    public string CreatedAt { get; }

    /// <summary>Last update time.</summary>
    public string UpdatedAt { get; }

    /// <summary>Subject UID.</summary>
    public string? Subject { get; }

    /// <summary>Subject username.</summary>
    public string? SubjectUsername { get; }

    /// <summary>Status wire value.</summary>
    public string Status { get; }

    /// <summary>Assignee UID.</summary>
    public string? Assignee { get; }

    /// <summary>Assignee username.</summary>
    public string? AssigneeUsername { get; }

    /// <summary>Creator UID.</summary>
    public string? CreatedByUserUid { get; }

    /// <summary>Creator username.</summary>
    public string? CreatedByUsername { get; }

    /// <summary>Last modifier UID.</summary>
    public string? LastModifiedByUserUid { get; }

    /// <summary>Last modifier username.</summary>
    public string? LastModifiedByUsername { get; }

    /// <summary>Archival time.</summary>
    public string? ArchivalTime { get; }
}

/// <summary>CaseDetail (single GET, create, update): a case plus description and findings.</summary>
public sealed class CaseDetailJson : CaseJson
{
    /// <summary>Maps a stored record.</summary>
    public CaseDetailJson(CaseRecord record)
        : base(record)
    {
        Description = record.Description;
        Findings = record.Findings;
    }

    /// <summary>Description.</summary>
    [JsonPropertyOrder(1)] // after the Case keys; the serializer would otherwise put derived keys first
    public string? Description { get; }

    /// <summary>Markdown findings.</summary>
    [JsonPropertyOrder(2)]
    public string? Findings { get; }
}

/// <summary>CasesPage envelope.</summary>
/// <param name="Cases">Slim cases of this page.</param>
/// <param name="TotalCount">All matches.</param>
public sealed record CasesPageJson(IReadOnlyList<CaseJson> Cases, long TotalCount);
