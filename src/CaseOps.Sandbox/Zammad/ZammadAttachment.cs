namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// A file attached to an article (docs/contracts/zammad.md, Article schema and Article request body). Immutable: the bytes are copied in when the
/// article is created and only handed out read-only, so a test holding one never sees it change.
/// </summary>
public sealed class ZammadAttachment
{
    /// <summary>Store ids are this plus the attachment id, so they never equal the attachment id (clients must not confuse them).</summary>
    public const int StoreFileOffset = 1000;

    private readonly byte[] data;

    internal ZammadAttachment(int id, string filename, string mimeType, byte[] data)
    {
        Id = id;
        Filename = filename;
        MimeType = mimeType;
        this.data = data;
    }

    /// <summary>Attachment id (the last segment of the download path).</summary>
    public int Id { get; }

    /// <summary>Id of the stored file (<c>store_file_id</c>).</summary>
    public int StoreFileId => Id + StoreFileOffset;

    /// <summary>File name as sent.</summary>
    public string Filename { get; }

    /// <summary>Content type as sent (<c>mime-type</c>); served on download.</summary>
    public string MimeType { get; }

    /// <summary>The decoded bytes.</summary>
    public ReadOnlyMemory<byte> Data => data;

    /// <summary>Size in bytes.</summary>
    public int Size => data.Length;

    /// <summary>The same file under the id the store assigns.</summary>
    internal ZammadAttachment WithId(int id) => new(id, Filename, MimeType, data);
}
