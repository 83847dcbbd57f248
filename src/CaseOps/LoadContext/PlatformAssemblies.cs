using System.IO;
using System.Reflection;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// What the running PowerShell 7 loads into its default context by itself: .NET's and PowerShell's own
    /// assemblies (the trusted platform assemblies of the process), by simple name and version.
    /// </summary>
    internal sealed class PlatformAssemblies
    {
        private readonly Dictionary<string, string> _paths;
        private readonly Dictionary<string, Version?> _versions = new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);

        public PlatformAssemblies(IEnumerable<string> paths)
        {
            _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in paths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!string.IsNullOrEmpty(name) && !_paths.ContainsKey(name))
                    _paths[name] = path;
            }
        }

        public static PlatformAssemblies FromTrustedPlatformAssemblies()
        {
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            return new PlatformAssemblies(list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries));
        }

        /// <summary>True when the platform has <paramref name="requested"/> at the version asked for or newer.</summary>
        public bool Provides(AssemblyName requested)
        {
            if (requested.Name == null || !_paths.TryGetValue(requested.Name, out var path))
                return false;
            Version? version;
            lock (_versions)
            {
                if (!_versions.TryGetValue(requested.Name, out version))
                {
                    version = ReadVersion(path);
                    _versions[requested.Name] = version;
                }
            }
            return version != null && (requested.Version == null || version >= requested.Version);
        }

        private static Version? ReadVersion(string path)
        {
            try { return AssemblyName.GetAssemblyName(path).Version; }
            catch (Exception) { return null; }
        }
    }
}
