using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CaseOps
{
    /// <summary>
    /// Windows PowerShell 5.1 binds dependencies by exact version, so two of ours that want different
    /// versions of a shared one (System.Memory, System.Runtime.CompilerServices.Unsafe ...) fail to load
    /// without binding redirects; this resolver plays that part for the assemblies the module ships.
    /// PowerShell 7 finds them beside the module itself and prefers the newer copies it carries.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveShipped;
            // .NET Framework may still default to TLS 1.0; Incydr and Zammad cloud endpoints need 1.2.
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveShipped;

        // Answers only for our own assemblies' requests (or anonymous ones), and only with a copy at
        // least as new as asked for: another module's failed load is not ours to satisfy.
        private static Assembly? ResolveShipped(object? sender, ResolveEventArgs args)
        {
            if (args.RequestingAssembly != null && !IsShipped(args.RequestingAssembly))
                return null;
            var requested = new AssemblyName(args.Name);
            if (requested.Name == null)
                return null;
            var path = Path.Combine(ModuleDirectory, requested.Name + ".dll");
            if (!File.Exists(path))
                return null;
            var shipped = AssemblyName.GetAssemblyName(path);
            if (requested.Version != null && shipped.Version != null && shipped.Version < requested.Version)
                return null;
            return Assembly.LoadFrom(path);
        }

        private static bool IsShipped(Assembly assembly)
        {
            try
            {
                return string.Equals(Path.GetDirectoryName(assembly.Location), ModuleDirectory, StringComparison.OrdinalIgnoreCase);
            }
            catch (NotSupportedException)
            {
                return false; // dynamic assemblies have no location
            }
        }
    }
}
