using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Functions.Health;

[JsonConverter(typeof(JsonStringEnumConverter<HealthCheckStatus>))]
public enum HealthCheckStatus
{
    /// <summary>The dependency answered.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The dependency did not answer, refused us, or answered wrongly.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The dependency is not configured here (e.g. no SMTP server while mail goes through SendGrid).</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
