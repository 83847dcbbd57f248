namespace CaseOps.Sandbox.Zammad;

/// <summary>A tag of the tag list with the number of tickets carrying it.</summary>
/// <param name="Id">Tag item id.</param>
/// <param name="Name">Name as first created.</param>
/// <param name="Count">Tickets carrying it.</param>
public sealed record ZammadTag(int Id, string Name, int Count);
