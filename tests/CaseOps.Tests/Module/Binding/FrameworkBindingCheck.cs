using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using CaseOps.LoadContext;

namespace CaseOps.Tests.Module.Binding;

/// <summary>One assembly reference of one shipped DLL and how Windows PowerShell 5.1 binds it.</summary>
internal sealed record BindingRow(string Requester, string Reference, string Requested, string Found, string How);

/// <summary>
/// A reference no binding covers, but whose assembly is never loaded on .NET Framework: the reference is
/// used only by <see cref="ConfinedTypes"/>, reached only through <see cref="EntryMethod"/> of
/// <see cref="EntryType"/>. The claim is proven by <see cref="ConfinedReferenceScanner"/>, never assumed.
/// </summary>
internal sealed record PowerShell7OnlyReference(string Requester, string Reference, IReadOnlyList<string> ConfinedTypes, string EntryType, string EntryMethod, string Reason);

/// <summary>
/// Computes, from metadata alone, how Windows PowerShell 5.1 on .NET Framework 4.7.2 binds every assembly
/// reference of every DLL the staged module ships, in the order .NET Framework tries: what the process has
/// already loaded (PowerShell 5.1), the framework (GAC, with its unification of older versions), and only
/// when both fail, AssemblyResolve, which the module answers with FrameworkDependencyResolver
/// (src/CaseOps/LoadContext/FrameworkDependencyResolver.cs).
/// </summary>
internal sealed class FrameworkBindingCheck
{
    /// <summary>
    /// What Windows PowerShell 5.1 has loaded before it imports any module. Its assemblies are version 3.0.0.0
    /// since PowerShell 3, signed with Microsoft's 31bf3856ad364e35 key.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, AssemblyIdentity> PowerShell51 = new[]
    {
        "System.Management.Automation",
        "Microsoft.PowerShell.ConsoleHost",
        "Microsoft.PowerShell.Commands.Utility",
        "Microsoft.PowerShell.Commands.Management",
        "Microsoft.PowerShell.Security",
    }.ToDictionary(n => n, n => new AssemblyIdentity(n, new Version(3, 0, 0, 0), "31bf3856ad364e35"), StringComparer.OrdinalIgnoreCase);

    private readonly string _moduleDirectory;
    private readonly string _dependencyDirectory;
    private readonly IReadOnlyDictionary<string, AssemblyIdentity> _framework;
    private readonly IReadOnlyList<PowerShell7OnlyReference> _powerShell7Only;

    public FrameworkBindingCheck(string moduleDirectory, string dependencyDirectory, IReadOnlyDictionary<string, AssemblyIdentity> framework, IReadOnlyList<PowerShell7OnlyReference> powerShell7Only)
    {
        _moduleDirectory = moduleDirectory;
        _dependencyDirectory = dependencyDirectory;
        _framework = framework;
        _powerShell7Only = powerShell7Only;
    }

    public List<BindingRow> Rows { get; } = new();

    public List<string> Failures { get; } = new();

    /// <summary>The assemblies of a reference assembly folder and its Facades, by name.</summary>
    public static Dictionary<string, AssemblyIdentity> ReadFramework(string referenceAssemblyDirectory)
    {
        var framework = new Dictionary<string, AssemblyIdentity>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in new[] { referenceAssemblyDirectory, Path.Combine(referenceAssemblyDirectory, "Facades") })
        {
            foreach (var file in Directory.GetFiles(directory, "*.dll"))
            {
                var identity = AssemblyIdentity.OfFile(file);
                if (identity != null)
                    framework[identity.Name] = identity;
            }
        }
        return framework;
    }

    public void Run()
    {
        var shipped = Directory.GetFiles(_moduleDirectory, "*.dll").OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .Concat(Directory.GetFiles(_dependencyDirectory, "*.dll").OrderBy(Path.GetFileName, StringComparer.Ordinal));
        foreach (var path in shipped)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(h => AssemblyIdentity.Of(reader, reader.GetAssemblyReference(h)))
                .OrderBy(r => r.Name, StringComparer.Ordinal);
            foreach (var reference in references)
                Rows.Add(Bind(path, reference));
        }
    }

    private BindingRow Bind(string requesterPath, AssemblyIdentity reference)
    {
        var requester = Relative(requesterPath);
        BindingRow Row(string found, string how) => new(requester, reference.Name, reference.Version.ToString(), found, how);

        // (b) PowerShell 5.1's own assemblies are loaded before any module.
        if (PowerShell51.TryGetValue(reference.Name, out var powerShell) && Covers(powerShell, reference))
            return Row(powerShell.Version.ToString(), "PowerShell 5.1" + Unifies(reference, powerShell));

        // (a) .NET Framework 4.7.2: the GAC answers strong-named requests at its version; older versions of
        // framework assemblies are unified up to it.
        if (_framework.TryGetValue(reference.Name, out var framework) && Covers(framework, reference))
            return Row(framework.Version.ToString(), ".NET Framework 4.7.2" + Unifies(reference, framework));

        // (c) AssemblyResolve: the resolver, asked with the requesting DLL's own staged location.
        var chosen = FrameworkDependencyResolver.Choose(reference.DisplayName, requesterPath, _moduleDirectory, _dependencyDirectory);
        if (chosen != null)
        {
            var file = AssemblyIdentity.OfFile(chosen)!;
            var how = "resolver: " + Relative(chosen);
            if (file.Version > reference.Version)
                how += $" (in place of a binding redirect {reference.Version} → {file.Version})";
            // The framework's older copy is not used: .NET Framework does not unify down, so it asks the resolver.
            if (framework != null)
                how += framework.Version < reference.Version
                    ? $"; .NET Framework 4.7.2 has only {framework.Version}"
                    : $"; .NET Framework 4.7.2 has {framework.Version} under key {framework.PublicKeyToken}";
            return Row(file.Version.ToString(), how);
        }

        var special = _powerShell7Only.SingleOrDefault(s => s.Requester == requester && s.Reference == reference.Name);
        if (special != null)
        {
            var scan = ConfinedReferenceScanner.Scan(requesterPath, reference.Name, special.ConfinedTypes, special.EntryType, special.EntryMethod);
            if (scan.Violations.Count == 0)
                return Row("—", "never loaded on .NET Framework (PowerShell 7 only code): " + special.Reason);
            Failures.Add($"{requester} references {reference.DisplayName}, which .NET Framework 4.7.2 lacks, and its use is not confined to PowerShell 7 only code: "
                + string.Join("; ", scan.Violations));
            return Row("—", "FAILS: used outside PowerShell 7 only code");
        }

        Failures.Add($"{requester} references {reference.DisplayName}; found: {WhatWasFound(reference)}");
        return Row("—", "FAILS");
    }

    private string WhatWasFound(AssemblyIdentity reference)
    {
        var found = new List<string>();
        if (PowerShell51.TryGetValue(reference.Name, out var powerShell))
            found.Add($"PowerShell 5.1 has {powerShell.DisplayName}");
        if (_framework.TryGetValue(reference.Name, out var framework))
            found.Add($".NET Framework 4.7.2 has {framework.DisplayName}");
        foreach (var directory in new[] { _dependencyDirectory, _moduleDirectory })
        {
            var path = Path.Combine(directory, reference.Name + ".dll");
            if (File.Exists(path))
                found.Add($"the module ships {Relative(path)} as {AssemblyIdentity.OfFile(path)?.DisplayName}");
        }
        return found.Count == 0 ? "nothing of that name in PowerShell 5.1, .NET Framework 4.7.2 or the module" : string.Join("; ", found);
    }

    // Same name and key, at the version asked for or newer; a reference without a key is never answered
    // from the GAC, which holds strong-named assemblies only.
    private static bool Covers(AssemblyIdentity provided, AssemblyIdentity requested) =>
        provided.Version >= requested.Version
        && requested.PublicKeyToken.Length > 0
        && string.Equals(provided.PublicKeyToken, requested.PublicKeyToken, StringComparison.OrdinalIgnoreCase);

    private static string Unifies(AssemblyIdentity requested, AssemblyIdentity provided) =>
        provided.Version > requested.Version ? $" (unifies {requested.Version} → {provided.Version})" : string.Empty;

    private string Relative(string path) =>
        Path.GetRelativePath(_moduleDirectory, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The rows as the markdown table docs/compatibility.md carries.</summary>
    public static string Render(IEnumerable<BindingRow> rows)
    {
        var text = new StringBuilder();
        text.Append("| Requesting DLL | Reference | Version requested | Version found | How it binds |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var row in rows)
            text.Append($"| {row.Requester} | {row.Reference} | {row.Requested} | {row.Found} | {row.How} |\n");
        return text.ToString();
    }
}
