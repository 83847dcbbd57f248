using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// PowerShell 7: the private load context of CaseOps.Engine and the dependencies PowerShell does not
    /// carry (RestSharp, Polly.Core, Microsoft.Bcl.TimeProvider, ...). What PowerShell or .NET already
    /// provide at the version asked for (System.Management.Automation, Newtonsoft.Json, the framework) is
    /// left to the default context, and so are the assemblies beside CaseOps.dll (CaseOps.Models): objects
    /// that cross into the pipeline have the types PowerShell and scripts see.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;
        private readonly string _moduleDirectory;
        private readonly PlatformAssemblies _platform;
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private readonly object _gate = new object();

        public EngineLoadContext(string moduleDirectory, string directory, PlatformAssemblies platform)
        {
            _moduleDirectory = moduleDirectory;
            _directory = directory;
            _platform = platform;
        }

        // Never throws: a failure here would surface as a crash in whatever code asked, possibly another module's.
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                if (assemblyName.Name == null || _platform.Provides(assemblyName))
                    return null;
                var shared = Path.Combine(_moduleDirectory, assemblyName.Name + ".dll");
                if (ShippedAssemblyRule.Satisfies(shared, assemblyName))
                    return LoadShared(shared, assemblyName);
                var path = Path.Combine(_directory, assemblyName.Name + ".dll");
                if (!ShippedAssemblyRule.Satisfies(path, assemblyName))
                    return null;
                // One load per name: two threads resolving the same dependency at once must not both load it.
                lock (_gate)
                {
                    if (!_loaded.TryGetValue(assemblyName.Name, out var assembly))
                    {
                        assembly = LoadFromAssemblyPath(path);
                        _loaded[assemblyName.Name] = assembly;
                    }
                    return assembly;
                }
            }
            catch (Exception)
            {
                return null;
            }
        }

        // The default context's copy, loaded from the module root if nothing loaded it yet.
        private static Assembly? LoadShared(string path, AssemblyName assemblyName)
        {
            try { return Default.LoadFromAssemblyPath(path); }
            catch (Exception) { return Default.LoadFromAssemblyName(assemblyName); }
        }
    }
}
