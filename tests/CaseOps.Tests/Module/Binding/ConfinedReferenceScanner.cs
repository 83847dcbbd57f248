using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CaseOps.Tests.Module.Binding;

/// <summary>
/// Proves from metadata alone that an assembly reference is used only by a closed set of types (the
/// "confined" types, with their nested types), and that the rest of the assembly reaches those types only
/// through one entry method. If that holds, the reference is loaded only when that entry method is compiled.
/// Everything that can name a type is walked: base types, interfaces, generic constraints, field, method,
/// property, event and local signatures, type and method specs, member references, custom attributes and
/// every token in every method body.
/// </summary>
internal sealed class ConfinedReferenceScanner
{
    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly HashSet<TypeReferenceHandle> _referenceTypes = new();
    private readonly HashSet<TypeDefinitionHandle> _confined = new();
    private readonly Dictionary<EntityHandle, bool> _mentions = new();
    private readonly MentionProvider _provider;

    private ConfinedReferenceScanner(PEReader pe, string referenceName, IReadOnlyCollection<string> confinedTypes)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _provider = new MentionProvider(this);
        foreach (var handle in _reader.TypeReferences)
        {
            if (ResolvesTo(handle, referenceName))
                _referenceTypes.Add(handle);
        }
        foreach (var handle in _reader.TypeDefinitions)
        {
            if (confinedTypes.Contains(OutermostName(handle)))
                _confined.Add(handle);
        }
    }

    /// <summary>The types the reference provides that the assembly names (full names).</summary>
    public IReadOnlyList<string> ReferencedTypes { get; private set; } = Array.Empty<string>();

    /// <summary>Why the claim does not hold; empty when it does.</summary>
    public IReadOnlyList<string> Violations { get; private set; } = Array.Empty<string>();

    public static ConfinedReferenceScanner Scan(string assemblyPath, string referenceName, IReadOnlyCollection<string> confinedTypes, string entryType, string entryMethod)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var scanner = new ConfinedReferenceScanner(pe, referenceName, confinedTypes);
        scanner.Run(confinedTypes, entryType, entryMethod);
        return scanner;
    }

    private void Run(IReadOnlyCollection<string> confinedTypes, string entryType, string entryMethod)
    {
        var violations = new List<string>();
        ReferencedTypes = _referenceTypes.Select(h => TypeRefName(h)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var name in confinedTypes)
        {
            if (!_reader.TypeDefinitions.Any(h => FullName(h) == name))
                violations.Add($"type {name} is not defined");
        }

        var entryCalls = 0;
        foreach (var typeHandle in _reader.TypeDefinitions)
        {
            var type = _reader.GetTypeDefinition(typeHandle);
            var typeName = FullName(typeHandle);
            if (_confined.Contains(typeHandle))
            {
                // PowerShell finds cmdlets and initializers among the exported (public) types: a public
                // confined type could be loaded, with its references, by that search alone.
                if (IsVisibleOutside(type))
                    violations.Add($"{typeName} is public");
                continue;
            }
            if (Mentions(type.BaseType))
                violations.Add($"{typeName} derives from {Describe(type.BaseType)}");
            foreach (var i in type.GetInterfaceImplementations())
            {
                var iface = _reader.GetInterfaceImplementation(i).Interface;
                if (Mentions(iface))
                    violations.Add($"{typeName} implements {Describe(iface)}");
            }
            CheckGenericParameters(type.GetGenericParameters(), typeName, violations);
            foreach (var f in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(f);
                if (field.DecodeSignature(_provider, null))
                    violations.Add($"field {typeName}.{_reader.GetString(field.Name)} has a type of the reference or of a confined type");
            }
            foreach (var p in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(p);
                if (Any(property.DecodeSignature(_provider, null)))
                    violations.Add($"property {typeName}.{_reader.GetString(property.Name)} has a type of the reference or of a confined type");
            }
            foreach (var e in type.GetEvents())
            {
                var ev = _reader.GetEventDefinition(e);
                if (Mentions(ev.Type))
                    violations.Add($"event {typeName}.{_reader.GetString(ev.Name)} has a type of the reference or of a confined type");
            }
            foreach (var m in type.GetMethods())
            {
                var method = _reader.GetMethodDefinition(m);
                var methodName = typeName + "." + _reader.GetString(method.Name);
                var isEntry = typeName == entryType && _reader.GetString(method.Name) == entryMethod;
                if (Any(method.DecodeSignature(_provider, null)))
                    violations.Add($"{methodName} has a parameter or return type of the reference or of a confined type");
                CheckGenericParameters(method.GetGenericParameters(), methodName, violations);
                if (isEntry && (method.ImplAttributes & MethodImplAttributes.NoInlining) == 0)
                    violations.Add($"{methodName} may be inlined into its caller, whose compilation would then load the reference");
                if (method.RelativeVirtualAddress == 0)
                    continue;
                var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil && Mentions(body.LocalSignature))
                    violations.Add($"{methodName} has a local of the reference or of a confined type");
                foreach (var token in IlTokens(body))
                {
                    if (IsEntryCall(token, entryType, entryMethod))
                        entryCalls++;
                    if (!Mentions(token))
                        continue;
                    // The entry method may call into the confined types, and only through members whose
                    // own signature names nothing of the reference.
                    if (isEntry && token.Kind == HandleKind.MethodDefinition && _confined.Contains(_reader.GetMethodDefinition((MethodDefinitionHandle)token).GetDeclaringType())
                        && !Any(_reader.GetMethodDefinition((MethodDefinitionHandle)token).DecodeSignature(_provider, null)))
                        continue;
                    violations.Add($"{methodName} uses {Describe(token)}");
                }
            }
        }
        if (entryCalls == 0)
            violations.Add($"nothing calls {entryType}.{entryMethod}");

        foreach (var a in _reader.CustomAttributes)
        {
            var attribute = _reader.GetCustomAttribute(a);
            if (Mentions(attribute.Constructor) && !IsConfinedMember(attribute.Parent))
                violations.Add($"a custom attribute of the reference or of a confined type is applied outside the confined types ({Describe(attribute.Constructor)})");
        }

        // The reference types must be used inside the confined types at all: else the claim is empty.
        if (_referenceTypes.Count > 0 && !_confined.ToList().Any(UsesReferenceInside))
            violations.Add("no confined type uses the reference: the confined list is wrong");
        Violations = violations;
    }

    private void CheckGenericParameters(GenericParameterHandleCollection parameters, string owner, List<string> violations)
    {
        foreach (var g in parameters)
        {
            foreach (var c in _reader.GetGenericParameter(g).GetConstraints())
            {
                if (Mentions(_reader.GetGenericParameterConstraint(c).Type))
                    violations.Add($"{owner} constrains a generic parameter to the reference or a confined type");
            }
        }
    }

    private bool IsEntryCall(EntityHandle token, string entryType, string entryMethod)
    {
        if (token.Kind != HandleKind.MethodDefinition)
            return false;
        var method = _reader.GetMethodDefinition((MethodDefinitionHandle)token);
        return FullName(method.GetDeclaringType()) == entryType && _reader.GetString(method.Name) == entryMethod;
    }

    private bool IsConfinedMember(EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeDefinition => _confined.Contains((TypeDefinitionHandle)parent),
        HandleKind.MethodDefinition => _confined.Contains(_reader.GetMethodDefinition((MethodDefinitionHandle)parent).GetDeclaringType()),
        HandleKind.FieldDefinition => _confined.Contains(_reader.GetFieldDefinition((FieldDefinitionHandle)parent).GetDeclaringType()),
        _ => false,
    };

    private bool UsesReferenceInside(TypeDefinitionHandle typeHandle)
    {
        var type = _reader.GetTypeDefinition(typeHandle);
        if (MentionsReference(type.BaseType))
            return true;
        foreach (var m in type.GetMethods())
        {
            var method = _reader.GetMethodDefinition(m);
            if (method.RelativeVirtualAddress != 0 && IlTokens(_pe.GetMethodBody(method.RelativeVirtualAddress)).Any(MentionsReference))
                return true;
        }
        return false;
    }

    // Mentions a type of the reference directly (through member references, specs, signatures).
    private bool MentionsReference(EntityHandle handle)
    {
        var saved = new HashSet<TypeDefinitionHandle>(_confined);
        _confined.Clear();
        _mentions.Clear();
        try { return Mentions(handle); }
        finally
        {
            _confined.UnionWith(saved);
            _mentions.Clear();
        }
    }

    /// <summary>Whether the entity names a type of the reference or a confined type, directly or in any signature.</summary>
    internal bool Mentions(EntityHandle handle)
    {
        if (handle.IsNil)
            return false;
        if (_mentions.TryGetValue(handle, out var known))
            return known;
        _mentions[handle] = false; // no cycles in well-formed metadata, but never recurse forever
        var result = handle.Kind switch
        {
            HandleKind.TypeReference => _referenceTypes.Contains((TypeReferenceHandle)handle),
            HandleKind.TypeDefinition => _confined.Contains((TypeDefinitionHandle)handle),
            HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null),
            HandleKind.MemberReference => MemberReferenceMentions((MemberReferenceHandle)handle),
            HandleKind.MethodDefinition => MethodMentions((MethodDefinitionHandle)handle),
            HandleKind.FieldDefinition => FieldMentions((FieldDefinitionHandle)handle),
            HandleKind.MethodSpecification => MethodSpecMentions((MethodSpecificationHandle)handle),
            HandleKind.StandaloneSignature => StandaloneMentions((StandaloneSignatureHandle)handle),
            _ => false,
        };
        _mentions[handle] = result;
        return result;
    }

    private bool MemberReferenceMentions(MemberReferenceHandle handle)
    {
        var member = _reader.GetMemberReference(handle);
        if (Mentions(member.Parent))
            return true;
        return member.GetKind() == MemberReferenceKind.Method
            ? Any(member.DecodeMethodSignature(_provider, null))
            : member.DecodeFieldSignature(_provider, null);
    }

    private bool MethodMentions(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        return _confined.Contains(method.GetDeclaringType()) || Any(method.DecodeSignature(_provider, null));
    }

    private bool FieldMentions(FieldDefinitionHandle handle)
    {
        var field = _reader.GetFieldDefinition(handle);
        return _confined.Contains(field.GetDeclaringType()) || field.DecodeSignature(_provider, null);
    }

    private bool MethodSpecMentions(MethodSpecificationHandle handle)
    {
        var spec = _reader.GetMethodSpecification(handle);
        return Mentions(spec.Method) || spec.DecodeSignature(_provider, null).Any(t => t);
    }

    private bool StandaloneMentions(StandaloneSignatureHandle handle)
    {
        var signature = _reader.GetStandaloneSignature(handle);
        return signature.GetKind() == StandaloneSignatureKind.LocalVariables
            ? signature.DecodeLocalSignature(_provider, null).Any(t => t)
            : Any(signature.DecodeMethodSignature(_provider, null));
    }

    private static bool Any(MethodSignature<bool> signature) => signature.ReturnType || signature.ParameterTypes.Any(t => t);

    private bool ResolvesTo(TypeReferenceHandle handle, string assemblyName)
    {
        var scope = _reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
            scope = _reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        return scope.Kind == HandleKind.AssemblyReference
            && _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == assemblyName;
    }

    private static bool IsVisibleOutside(TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility is TypeAttributes.Public or TypeAttributes.NestedPublic;
    }

    private string OutermostName(TypeDefinitionHandle handle)
    {
        while (true)
        {
            var declaring = _reader.GetTypeDefinition(handle).GetDeclaringType();
            if (declaring.IsNil)
                return FullName(handle);
            handle = declaring;
        }
    }

    private string FullName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
            return FullName(declaring) + "+" + _reader.GetString(type.Name);
        var ns = _reader.GetString(type.Namespace);
        return ns.Length == 0 ? _reader.GetString(type.Name) : ns + "." + _reader.GetString(type.Name);
    }

    private string TypeRefName(TypeReferenceHandle handle)
    {
        var type = _reader.GetTypeReference(handle);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return TypeRefName((TypeReferenceHandle)type.ResolutionScope) + "+" + _reader.GetString(type.Name);
        var ns = _reader.GetString(type.Namespace);
        return ns.Length == 0 ? _reader.GetString(type.Name) : ns + "." + _reader.GetString(type.Name);
    }

    private string Describe(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => TypeRefName((TypeReferenceHandle)handle),
        HandleKind.TypeDefinition => FullName((TypeDefinitionHandle)handle),
        HandleKind.MemberReference => Describe(_reader.GetMemberReference((MemberReferenceHandle)handle).Parent) + "::" + _reader.GetString(_reader.GetMemberReference((MemberReferenceHandle)handle).Name),
        HandleKind.MethodDefinition => FullName(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()) + "::" + _reader.GetString(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        HandleKind.FieldDefinition => FullName(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()) + "::" + _reader.GetString(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).Name),
        HandleKind.MethodSpecification => Describe(_reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method) + "<...>",
        _ => handle.Kind + " 0x" + MetadataTokens.GetToken(handle).ToString("X8"),
    };

    /// <summary>Every metadata token an IL body names (fields, methods, types, signatures, ldtoken).</summary>
    internal static IEnumerable<EntityHandle> IlTokens(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var tokens = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            int value = il.ReadByte();
            if (value == 0xFE)
                value = 0xFE00 | il.ReadByte();
            if (!OpCodeTable.TryGetValue((ushort)value, out var opCode))
                throw new InvalidOperationException($"unknown IL opcode 0x{value:X}");
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += 4 * count;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default: // InlineBrTarget, InlineI, InlineString, ShortInlineR
                    il.Offset += 4;
                    break;
            }
        }
        return tokens;
    }

    private static readonly Dictionary<ushort, OpCode> OpCodeTable = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    private sealed class MentionProvider : ISignatureTypeProvider<bool, object?>
    {
        private readonly ConfinedReferenceScanner _scanner;

        public MentionProvider(ConfinedReferenceScanner scanner) => _scanner = scanner;

        public bool GetArrayType(bool elementType, ArrayShape shape) => elementType;
        public bool GetByReferenceType(bool elementType) => elementType;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => Any(signature);
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => genericType || typeArguments.Any(t => t);
        public bool GetGenericMethodParameter(object? genericContext, int index) => false;
        public bool GetGenericTypeParameter(object? genericContext, int index) => false;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => modifier || unmodifiedType;
        public bool GetPinnedType(bool elementType) => elementType;
        public bool GetPointerType(bool elementType) => elementType;
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;
        public bool GetSZArrayType(bool elementType) => elementType;
        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => _scanner.Mentions(handle);
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => _scanner.Mentions(handle);
        public bool GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => _scanner.Mentions(handle);
    }
}
