using System.Reflection;
using System.Runtime.Loader;
using System.Threading;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// PowerShell 7: the default context's Resolving hook. It answers for CaseOps.Engine alone, by
    /// loading it into <see cref="EngineLoadContext"/>; every other name is left to whoever else asks.
    /// </summary>
    internal static class EngineResolver
    {
        internal const string EngineAssemblyName = "CaseOps.Engine";

        private static EngineLoadContext? _context;
        private static int _registered;

        public static void Register(string moduleDirectory, string dependencyDirectory)
        {
            if (Interlocked.Exchange(ref _registered, 1) == 1)
                return; // PowerShell may call OnImport more than once, and every runspace imports anew
            _context = new EngineLoadContext(moduleDirectory, dependencyDirectory, PlatformAssemblies.FromTrustedPlatformAssemblies());
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName assemblyName)
        {
            try
            {
                if (!string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal) || _context == null)
                    return null;
                return _context.LoadFromAssemblyName(assemblyName);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
