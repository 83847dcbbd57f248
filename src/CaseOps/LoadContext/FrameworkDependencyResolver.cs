using System.IO;
using System.Reflection;
using System.Threading;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// Windows PowerShell 5.1: .NET Framework binds by exact version and does not look into the
    /// Dependencies folder (nor, for the engine there, into the module root), so this resolver plays the part of binding redirects for CaseOps alone. It
    /// answers only requests made by CaseOps' own assemblies, only with files CaseOps ships, only at a
    /// version at least as new as asked (<see cref="ShippedAssemblyRule"/>), and never throws.
    /// </summary>
    internal static class FrameworkDependencyResolver
    {
        private static string _moduleDirectory = string.Empty;
        private static string _dependencyDirectory = string.Empty;
        private static int _registered;

        public static void Register(string moduleDirectory, string dependencyDirectory)
        {
            if (Interlocked.Exchange(ref _registered, 1) == 1)
                return;
            _moduleDirectory = moduleDirectory;
            _dependencyDirectory = dependencyDirectory;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            try
            {
                var path = Choose(args.Name, args.RequestingAssembly?.Location, _moduleDirectory, _dependencyDirectory);
                return path == null ? null : Assembly.LoadFrom(path);
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// The file that answers a request for <paramref name="requestedName"/> made by the assembly at
        /// <paramref name="requesterLocation"/>, or null when the request is not CaseOps' to answer.
        /// </summary>
        internal static string? Choose(string requestedName, string? requesterLocation, string moduleDirectory, string dependencyDirectory)
        {
            if (string.IsNullOrEmpty(requesterLocation) || !IsIn(requesterLocation!, moduleDirectory, dependencyDirectory))
                return null;
            var requested = new AssemblyName(requestedName);
            if (string.IsNullOrEmpty(requested.Name))
                return null;
            foreach (var directory in new[] { dependencyDirectory, moduleDirectory })
            {
                var path = Path.Combine(directory, requested.Name + ".dll");
                if (ShippedAssemblyRule.Satisfies(path, requested))
                    return path;
            }
            return null;
        }

        private static bool IsIn(string location, string moduleDirectory, string dependencyDirectory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(location));
            return string.Equals(directory, Path.GetFullPath(moduleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.OrdinalIgnoreCase)
                || string.Equals(directory, Path.GetFullPath(dependencyDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.OrdinalIgnoreCase);
        }
    }
}
