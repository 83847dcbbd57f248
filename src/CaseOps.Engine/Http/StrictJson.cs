using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace CaseOps.Http
{
    /// <summary>
    /// Strict reading of API answers (docs/architecture.md, "Output types" and "Errors"): before a body
    /// becomes objects, it is held against the contracts Newtonsoft builds from the models' attributes.
    /// A required member (<c>[JsonProperty(Required = ...)]</c>) that is missing or null, a value of
    /// the wrong JSON type, a fraction or an out-of-range number where an integer is declared, an enum
    /// value the model does not know, a wrong root type, a null element in a list, an empty key, a
    /// repeated key, and two keys of one object that differ only in letter case (Newtonsoft would match
    /// a declared member case-insensitively and let the second overwrite the first; PowerShell could not
    /// tell the two apart) each raise <see cref="InvalidAnswerException"/> naming the member's JSON path.
    /// Keys no model declares are only held to the key rules: they are kept as sent.
    /// </summary>
    internal static class StrictJson
    {
        private static readonly JsonLoadSettings LoadSettings = new JsonLoadSettings
        {
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            CommentHandling = CommentHandling.Ignore,
            LineInfoHandling = LineInfoHandling.Ignore,
        };

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<JsonObjectContract, Declared> DeclaredMembers =
            new System.Collections.Concurrent.ConcurrentDictionary<JsonObjectContract, Declared>();

        private static IContractResolver Resolver => ApiClient.Serializer.ContractResolver;

        /// <summary>Parses a body with the API's settings (dates as DateTimeOffset); a repeated key or text after the value is an error.</summary>
        public static JToken Parse(string content)
        {
            using var reader = new JsonTextReader(new StringReader(content))
            {
                DateParseHandling = NewtonsoftRestSerializer.Settings.DateParseHandling,
                DateTimeZoneHandling = NewtonsoftRestSerializer.Settings.DateTimeZoneHandling,
                FloatParseHandling = FloatParseHandling.Double,
            };
            var root = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                    throw new InvalidAnswerException("(root)", "is followed by more text after the JSON value");
            }
            return root;
        }

        /// <summary>Checks <paramref name="token"/> against <typeparamref name="T"/>'s contract and converts it.</summary>
        public static T Convert<T>(JToken token)
        {
            Check(token, typeof(T));
            return token.ToObject<T>(ApiClient.Serializer)!;
        }

        /// <summary>Throws <see cref="InvalidAnswerException"/> at the first place where <paramref name="token"/> does not fit <paramref name="type"/>.</summary>
        public static void Check(JToken token, Type type)
        {
            if (token.Type == JTokenType.Null)
                throw new InvalidAnswerException(InvalidAnswerException.PathOf(token), "is null where " + Expected(type) + " is expected");
            CheckValue(token, type, null);
        }

        /// <summary>
        /// The id check of a read by id: the answer must be about the object asked for. Throws when
        /// <paramref name="actual"/> differs from <paramref name="expected"/>.
        /// </summary>
        public static void SameId<TId>(string member, TId expected, TId actual)
        {
            if (!EqualityComparer<TId>.Default.Equals(expected, actual))
                throw new InvalidAnswerException(member, string.Format(CultureInfo.InvariantCulture, "is {0}, but {1} was asked for: the answer is about another object", actual, expected));
        }

        private static void CheckValue(JToken token, Type type, JsonProperty? member)
        {
            if (token.Type == JTokenType.Null)
                return; // null rules are the member's, see CheckMember and CheckArray
            switch (Resolver.ResolveContract(type))
            {
                case JsonObjectContract obj:
                    CheckObject(token, obj);
                    break;
                case JsonArrayContract array:
                    CheckArray(token, array, member);
                    break;
                case JsonDictionaryContract dictionary:
                    if (!(token is JObject map))
                        throw WrongType(token, type);
                    CheckKeys(map, null);
                    foreach (var entry in map.Properties())
                        CheckElement(entry.Value, dictionary.DictionaryValueType ?? typeof(object), null);
                    break;
                case JsonLinqContract _:
                    CheckLinq(token, type);
                    break;
                case JsonStringContract _:
                    if (token.Type != JTokenType.String)
                        throw WrongType(token, type);
                    break;
                case JsonPrimitiveContract primitive:
                    CheckPrimitive(token, Underlying(primitive.UnderlyingType));
                    break;
                default:
                    FreeForm(token); // object, dynamic: anything goes but the key rules
                    break;
            }
        }

        private static void CheckObject(JToken token, JsonObjectContract contract)
        {
            if (!(token is JObject json))
                throw WrongType(token, contract.UnderlyingType);
            var declared = DeclaredMembers.GetOrAdd(contract, c => new Declared(c));
            CheckKeys(json, declared);
            foreach (var member in declared.Members)
            {
                var value = json.Property(member.PropertyName!, StringComparison.Ordinal)?.Value;
                CheckMember(json, value, member);
            }
            // Keys no model declares: custom fields and newer servers' additions, kept as sent.
            foreach (var extra in json.Properties())
            {
                if (!declared.ByExactName.ContainsKey(extra.Name))
                    FreeForm(extra.Value);
            }
        }

        private static void CheckMember(JObject owner, JToken? value, JsonProperty member)
        {
            var required = member.Required;
            // Only a failure needs the path; building it for every member of every object was a tenth of a listing's time.
            string Path() => value != null ? InvalidAnswerException.PathOf(value) : Join(owner, member.PropertyName!);
            if (value == null)
            {
                if (required == Required.Always || required == Required.AllowNull)
                    throw new InvalidAnswerException(Path(), "is missing: it is a required member");
                return;
            }
            if (value.Type == JTokenType.Null)
            {
                var type = member.PropertyType ?? typeof(object);
                if (required == Required.Always || required == Required.DisallowNull)
                    throw new InvalidAnswerException(Path(), "is null where " + Expected(type) + " is required");
                if (type.GetTypeInfo().IsValueType && Underlying(type) == type)
                    throw new InvalidAnswerException(Path(), "is null where " + Expected(type) + " is required");
                return;
            }
            if (member.Converter != null)
            {
                // The member reads its own shapes; only an object is also held to its type's rules.
                if (value is JObject)
                    CheckValue(value, member.PropertyType!, member);
                return;
            }
            CheckValue(value, member.PropertyType ?? typeof(object), member);
        }

        private static void CheckArray(JToken token, JsonArrayContract contract, JsonProperty? member)
        {
            if (!(token is JArray array))
                throw WrongType(token, contract.UnderlyingType);
            var itemType = contract.CollectionItemType ?? typeof(object);
            var ownConverter = member?.ItemConverter != null;
            foreach (var item in array)
            {
                if (ownConverter && !(item is JObject))
                {
                    if (item.Type == JTokenType.Null)
                        throw new InvalidAnswerException(InvalidAnswerException.PathOf(item), "is a null element in a list");
                    continue;
                }
                CheckElement(item, itemType, member);
            }
        }

        private static void CheckElement(JToken item, Type itemType, JsonProperty? member)
        {
            // A null in a list of objects, ids or names is never an item: dropping it or reading it
            // as an empty object would both hide the fault.
            if (item.Type == JTokenType.Null && !typeof(JToken).IsAssignableFrom(itemType) && itemType != typeof(object))
                throw new InvalidAnswerException(InvalidAnswerException.PathOf(item), "is a null element in a list");
            CheckValue(item, itemType, member);
        }

        private static void CheckLinq(JToken token, Type type)
        {
            if ((type == typeof(JObject) && !(token is JObject))
                || (type == typeof(JArray) && !(token is JArray))
                || (type == typeof(JValue) && !(token is JValue)))
                throw WrongType(token, type);
            FreeForm(token);
        }

        /// <summary>Free-form JSON (custom fields, unknown keys) is kept as sent; only its keys must be usable names.</summary>
        private static void FreeForm(JToken token)
        {
            switch (token)
            {
                case JObject json:
                    CheckKeys(json, null);
                    foreach (var property in json.Properties())
                        FreeForm(property.Value);
                    break;
                case JArray array:
                    foreach (var item in array)
                        FreeForm(item);
                    break;
            }
        }

        /// <summary>An empty key, or two keys equal but for letter case (one of them declared or not).</summary>
        [ThreadStatic]
        private static HashSet<string>? _seenKeys;

        private static void CheckKeys(JObject json, Declared? declared)
        {
            // One set per thread, emptied for each object: a set per object was a quarter of the check's time.
            // Nothing here recurses, so the set is free again when this returns.
            var seen = _seenKeys ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            seen.Clear();
            foreach (var property in json.Properties())
            {
                if (property.Name.Length == 0)
                    throw new InvalidAnswerException(Join(json, string.Empty), "is an empty key");
                if (declared != null)
                {
                    if (declared.ByAnyCase.TryGetValue(property.Name, out var near) && !string.Equals(near.PropertyName, property.Name, StringComparison.Ordinal))
                        throw new InvalidAnswerException(InvalidAnswerException.PathOf(property.Value),
                            "differs only in letter case from the member '" + near.PropertyName + "'");
                }
                if (!seen.Add(property.Name))
                    throw new InvalidAnswerException(InvalidAnswerException.PathOf(property.Value),
                        "differs only in letter case from another key of the same object");
            }
        }

        private static void CheckPrimitive(JToken token, Type type)
        {
            var value = token as JValue;
            if (value == null)
                throw WrongType(token, type);
            if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
                || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(sbyte))
            {
                CheckInteger(value, type);
                return;
            }
            if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
            {
                if (value.Type != JTokenType.Integer && value.Type != JTokenType.Float)
                    throw WrongType(token, type);
                return;
            }
            if (type == typeof(bool))
            {
                if (value.Type != JTokenType.Boolean)
                    throw WrongType(token, type);
                return;
            }
            if (type == typeof(string))
            {
                // Dates are parsed on reading (the API's settings); to a string member they are text.
                if (value.Type != JTokenType.String && value.Type != JTokenType.Date)
                    throw WrongType(token, type);
                return;
            }
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            {
                if (value.Type == JTokenType.Date)
                    return;
                if (value.Type == JTokenType.String
                    && DateTimeOffset.TryParse((string)value.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                    return;
                throw WrongType(token, type);
            }
            if (type.GetTypeInfo().IsEnum)
            {
                if (value.Type != JTokenType.String || !EnumNames(type).Contains((string)value.Value!, StringComparer.OrdinalIgnoreCase))
                    throw new InvalidAnswerException(InvalidAnswerException.PathOf(token),
                        "is " + Shown(token) + ", not one of " + string.Join(", ", EnumNames(type).Distinct(StringComparer.OrdinalIgnoreCase)));
                return;
            }
            // Guid, Uri, TimeSpan...: what Newtonsoft reads from a string.
            if (value.Type != JTokenType.String)
                throw WrongType(token, type);
        }

        private static void CheckInteger(JValue value, Type type)
        {
            BigInteger number;
            switch (value.Type)
            {
                case JTokenType.Integer:
                    number = value.Value is BigInteger big ? big : new BigInteger(System.Convert.ToInt64(value.Value, CultureInfo.InvariantCulture));
                    break;
                case JTokenType.Float:
                    throw new InvalidAnswerException(InvalidAnswerException.PathOf(value), "is " + Shown(value) + ", a number with a fraction part where an integer is expected");
                default:
                    throw WrongType(value, type);
            }
            var (min, max) = Range(type);
            if (number < min || number > max)
                throw new InvalidAnswerException(InvalidAnswerException.PathOf(value), "is " + Shown(value) + ", out of range for " + Expected(type));
        }

        private static (BigInteger Min, BigInteger Max) Range(Type type)
        {
            if (type == typeof(int)) return (int.MinValue, int.MaxValue);
            if (type == typeof(short)) return (short.MinValue, short.MaxValue);
            if (type == typeof(byte)) return (byte.MinValue, byte.MaxValue);
            if (type == typeof(sbyte)) return (sbyte.MinValue, sbyte.MaxValue);
            if (type == typeof(uint)) return (uint.MinValue, uint.MaxValue);
            if (type == typeof(ushort)) return (ushort.MinValue, ushort.MaxValue);
            if (type == typeof(ulong)) return (ulong.MinValue, ulong.MaxValue);
            return (long.MinValue, long.MaxValue);
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string[]> EnumNamesByType =
            new System.Collections.Concurrent.ConcurrentDictionary<Type, string[]>();

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> UnderlyingTypes =
            new System.Collections.Concurrent.ConcurrentDictionary<Type, Type>();

        // Both read reflection (attributes, generic arguments) that does not change: once per type, not once per value.
        private static string[] EnumNames(Type type) =>
            EnumNamesByType.GetOrAdd(type, t => t.GetTypeInfo().DeclaredFields.Where(f => f.IsStatic && f.IsPublic).SelectMany(f => new[]
            {
                f.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()?.Value ?? f.Name, // the wire value first: messages show it
                f.Name,
            }).ToArray());

        /// <summary>The type inside <c>Nullable&lt;T&gt;</c>, or the type itself.</summary>
        private static Type Underlying(Type type) => UnderlyingTypes.GetOrAdd(type, t => Nullable.GetUnderlyingType(t) ?? t);

        private static InvalidAnswerException WrongType(JToken token, Type type) =>
            new InvalidAnswerException(InvalidAnswerException.PathOf(token), "is " + Shown(token) + " where " + Expected(type) + " is expected");

        /// <summary>How messages name a JSON value: its kind, and a short scalar as it was sent.</summary>
        private static string Shown(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object: return "an object";
                case JTokenType.Array: return "a list";
                case JTokenType.Null: return "null";
                case JTokenType.String:
                    var text = (string?)((JValue)token).Value ?? string.Empty;
                    return "the string \"" + (text.Length <= 40 ? text : text.Substring(0, 40) + "…") + "\"";
                default:
                    var shown = token.ToString(Formatting.None);
                    return shown.Length <= 40 ? shown : shown.Substring(0, 40) + "…";
            }
        }

        private static string Expected(Type type)
        {
            type = Underlying(type);
            if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
                || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(sbyte))
                return type == typeof(int) ? "a 32-bit integer" : "an integer";
            if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "a number";
            if (type == typeof(bool)) return "true or false";
            if (type == typeof(string)) return "a string";
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a timestamp";
            if (type == typeof(JArray)) return "a list";
            if (type == typeof(JObject)) return "an object";
            if (type == typeof(JToken) || type == typeof(object)) return "a value";
            if (type.GetTypeInfo().IsEnum) return "one of " + string.Join(", ", EnumNames(type).Distinct(StringComparer.OrdinalIgnoreCase));
            switch (Resolver.ResolveContract(type))
            {
                case JsonArrayContract _: return "a list";
                case JsonObjectContract _:
                case JsonDictionaryContract _: return "an object";
                default: return "a value";
            }
        }

        private static string Join(JObject owner, string name)
        {
            var prefix = owner.Path;
            var simple = name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');
            var part = simple ? name : "['" + name.Replace("'", "\\'") + "']";
            return prefix.Length == 0 ? part : (simple ? prefix + "." + part : prefix + part);
        }

        /// <summary>The members a model declares, by JSON name exactly and in any letter case.</summary>
        private sealed class Declared
        {
            public Declared(JsonObjectContract contract)
            {
                Members = contract.Properties.Where(p => !p.Ignored && p.PropertyName != null).ToList();
                ByExactName = Members.ToDictionary(p => p.PropertyName!, StringComparer.Ordinal);
                ByAnyCase = new Dictionary<string, JsonProperty>(StringComparer.OrdinalIgnoreCase);
                foreach (var member in Members)
                {
                    if (!ByAnyCase.ContainsKey(member.PropertyName!))
                        ByAnyCase.Add(member.PropertyName!, member);
                }
            }

            public List<JsonProperty> Members { get; }

            public Dictionary<string, JsonProperty> ByExactName { get; }

            public Dictionary<string, JsonProperty> ByAnyCase { get; }
        }
    }
}
