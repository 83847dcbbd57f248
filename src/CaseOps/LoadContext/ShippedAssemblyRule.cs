using System.IO;
using System.Reflection;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// The one rule both resolvers follow, and the 5.1 binding check in the tests proves: a request is
    /// answered with a file only when CaseOps ships that file under the requested name, its version is at
    /// least the one asked for, and a strong-named request gets the same public key.
    /// </summary>
    internal static class ShippedAssemblyRule
    {
        public static bool Satisfies(string path, AssemblyName requested)
        {
            if (!File.Exists(path))
                return false;
            return Satisfies(AssemblyName.GetAssemblyName(path), requested);
        }

        public static bool Satisfies(AssemblyName shipped, AssemblyName requested)
        {
            if (!string.Equals(shipped.Name, requested.Name, StringComparison.OrdinalIgnoreCase))
                return false;
            if (requested.Version != null && (shipped.Version == null || shipped.Version < requested.Version))
                return false;
            var wantedKey = requested.GetPublicKeyToken();
            if (wantedKey == null || wantedKey.Length == 0)
                return true;
            var shippedKey = shipped.GetPublicKeyToken() ?? Array.Empty<byte>();
            if (shippedKey.Length != wantedKey.Length)
                return false;
            for (var i = 0; i < wantedKey.Length; i++)
            {
                if (shippedKey[i] != wantedKey[i])
                    return false;
            }
            return true;
        }
    }
}
