using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using RestSharp;
using RestSharp.Serializers;

namespace CaseOps.Http
{
    /// <summary>
    /// Plugs Newtonsoft.Json into RestSharp, so models carry one set of attributes
    /// (<see cref="JsonPropertyAttribute"/>, <see cref="JsonExtensionDataAttribute"/>) for both directions.
    /// </summary>
    internal sealed class NewtonsoftRestSerializer : IRestSerializer, ISerializer, IDeserializer
    {
        internal static readonly JsonSerializerSettings Settings = CreateSettings();

        private static JsonSerializerSettings CreateSettings()
        {
            var settings = new JsonSerializerSettings
            {
                // Offsets matter: keep what the server sent instead of converting to local time.
                DateParseHandling = DateParseHandling.DateTimeOffset,
                DateTimeZoneHandling = DateTimeZoneHandling.Utc,
                NullValueHandling = NullValueHandling.Include,
                MissingMemberHandling = MissingMemberHandling.Ignore,
            };
            settings.Converters.Add(new StringEnumConverter());
            return settings;
        }

        public ISerializer Serializer => this;
        public IDeserializer Deserializer => this;
        public string[] AcceptedContentTypes => ContentType.JsonAccept;
        public SupportsContentType SupportsContentType => contentType => contentType.Value.Contains("json");
        public DataFormat DataFormat => DataFormat.Json;
        public ContentType ContentType { get; set; } = ContentType.Json;

        public string? Serialize(object? obj) => obj == null ? null : JsonConvert.SerializeObject(obj, Settings);

        public string? Serialize(Parameter parameter) => Serialize(parameter.Value);

        public T? Deserialize<T>(RestResponse response) =>
            string.IsNullOrEmpty(response.Content) ? default : JsonConvert.DeserializeObject<T>(response.Content!, Settings);
    }
}
