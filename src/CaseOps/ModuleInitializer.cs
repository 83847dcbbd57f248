using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace CaseOps
{
    /// <summary>
    /// Windows PowerShell 5.1 does not look beside a module's DLL for that DLL's dependencies, so
    /// this resolver answers for the assemblies the module ships. PowerShell 7 finds them itself,
    /// and prefers the newer copies it carries (Newtonsoft.Json, System.Text.Json).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveShipped;

        public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveShipped;

        private static Assembly? ResolveShipped(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null)
                return null;
            var path = Path.Combine(ModuleDirectory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
