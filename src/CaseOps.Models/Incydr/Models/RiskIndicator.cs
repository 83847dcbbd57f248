using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>One reason Incydr scored an event as risky, and its weight.</summary>
    public sealed class RiskIndicator
    {
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("weight")] public int? Weight { get; set; }

        public override string ToString() => Weight.HasValue ? $"{Name} ({Weight})" : Name;
    }

    /// <summary>Reads a risk indicator as an object or, as some servers send it, a bare name.</summary>
    internal sealed class RiskIndicatorConverter : JsonConverter<RiskIndicator>
    {
        public override bool CanWrite => false;

        public override RiskIndicator? ReadJson(JsonReader reader, Type objectType, RiskIndicator? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            switch (token.Type)
            {
                case JTokenType.Null: return null;
                case JTokenType.String: return new RiskIndicator { Name = token.Value<string>() ?? string.Empty };
                default: return token.ToObject<RiskIndicator>();
            }
        }

        public override void WriteJson(JsonWriter writer, RiskIndicator? value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
