using System.IO;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CaseOps.LoadContext
{
    /// <summary>
    /// Makes CaseOps.Engine and its dependencies (in the module's Dependencies folder) loadable, the
    /// way the platform wants it (docs/architecture.md, "Assemblies and load contexts"): on PowerShell 7
    /// a private AssemblyLoadContext, so another module's RestSharp or Polly never meets ours; on
    /// Windows PowerShell 5.1 a resolver that binds our own requests to the files we ship.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <summary>The folder beside CaseOps.dll that holds the engine and every dependency.</summary>
        internal const string DependencyFolderName = "Dependencies";

        internal static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        internal static string DependencyDirectory { get; } = Path.Combine(ModuleDirectory, DependencyFolderName);

        internal static bool IsNetFramework { get; } = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        // There is no IModuleAssemblyCleanup: the hooks stay for the life of the process. Other runspaces
        // (ForEach-Object -Parallel, Automation jobs) may still use the module after one removes it, and
        // objects of the engine outlive Remove-Module in variables.
        public void OnImport()
        {
            if (IsNetFramework)
                RegisterForNetFramework();
            else
                RegisterForNetCore();
            // After the hooks: JSON objects in output become PSCustomObjects (docs/architecture.md, "Layers").
            Cmdlets.Common.PowerShellJson.Install();
        }

        // Separate methods, not inlined: the JIT of each loads only its own platform's types, so
        // AssemblyLoadContext is never touched on .NET Framework, nor the 5.1 resolver on .NET.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterForNetCore() => EngineResolver.Register(ModuleDirectory, DependencyDirectory);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterForNetFramework()
        {
            FrameworkDependencyResolver.Register(ModuleDirectory, DependencyDirectory);
            // .NET Framework may still default to TLS 1.0; Incydr and Zammad cloud endpoints need 1.2.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }
    }
}
