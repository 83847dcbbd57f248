using Newtonsoft.Json;

namespace CaseOps.Zammad.Models
{
    /// <summary>A tag of the helpdesk's tag list. <see cref="Count"/> is null when found by search.</summary>
    public sealed class Tag
    {
        [JsonConstructor]
        internal Tag()
        {
        }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }

        // tag_list answers "name", tag_search answers "value".
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("value")] private string? Value { set { if (value != null) Name = value; } }

        /// <summary>How many objects carry the tag.</summary>
        [JsonProperty("count")] public long? Count { get; set; }

        public override string ToString() => Name;
    }
}
