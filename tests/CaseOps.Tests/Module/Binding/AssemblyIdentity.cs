using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CaseOps.Tests.Module.Binding;

/// <summary>An assembly's name, version and public key token, as metadata states them.</summary>
internal sealed record AssemblyIdentity(string Name, Version Version, string PublicKeyToken)
{
    /// <summary>The display name .NET Framework hands to AssemblyResolve for a reference.</summary>
    public string DisplayName =>
        $"{Name}, Version={Version}, Culture=neutral, PublicKeyToken={(PublicKeyToken.Length == 0 ? "null" : PublicKeyToken)}";

    public static AssemblyIdentity Of(MetadataReader reader, AssemblyReference reference)
    {
        var blob = reader.GetBlobBytes(reference.PublicKeyOrToken);
        var token = (reference.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0 ? TokenOf(blob) : blob;
        return new AssemblyIdentity(reader.GetString(reference.Name), reference.Version, Hex(token));
    }

    public static AssemblyIdentity? OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return null;
        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
            return null;
        var definition = reader.GetAssemblyDefinition();
        var key = reader.GetBlobBytes(definition.PublicKey);
        return new AssemblyIdentity(reader.GetString(definition.Name), definition.Version, key.Length == 0 ? string.Empty : Hex(TokenOf(key)));
    }

    // ECMA-335 II.6.3: the token is the last 8 bytes of the SHA-1 of the public key, reversed.
    private static byte[] TokenOf(byte[] publicKey)
    {
        var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
        return hash.Skip(hash.Length - 8).Reverse().ToArray();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
