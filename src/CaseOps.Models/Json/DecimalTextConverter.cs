using System.Globalization;
using Newtonsoft.Json;

namespace CaseOps.Json
{
    /// <summary>
    /// A decimal amount Zammad sends as a string (<c>"12.5"</c>; docs/contracts/zammad.md, "Conventions"),
    /// also taken as a JSON number. Anything else is a broken answer, reported at its JSON path, never
    /// read as zero. Written back as a string, as Zammad sends it.
    /// </summary>
    internal sealed class DecimalTextConverter : JsonConverter<decimal>
    {
        public override decimal ReadJson(JsonReader reader, Type objectType, decimal existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            if ((reader.TokenType == JsonToken.String || reader.TokenType == JsonToken.Integer || reader.TokenType == JsonToken.Float)
                && decimal.TryParse(Convert.ToString(reader.Value, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                return value;
            var lineInfo = reader as IJsonLineInfo;
            throw new JsonSerializationException(
                (reader.Value == null ? reader.TokenType.ToString() : "\"" + Convert.ToString(reader.Value, CultureInfo.InvariantCulture) + "\"") + " is not a decimal number.",
                reader.Path, lineInfo?.LineNumber ?? 0, lineInfo?.LinePosition ?? 0, null);
        }

        public override void WriteJson(JsonWriter writer, decimal value, JsonSerializer serializer) =>
            writer.WriteValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
