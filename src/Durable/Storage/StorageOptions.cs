using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>
/// The settings every Azure Storage client of the app shares: service version, per-try timeout, retry and the
/// pipeline extras (transport, per-attempt policies). The <c>Create*ClientOptions</c> methods turn them into the
/// SDK's client options; set everything before creating the clients, since a client copies its options once.
/// Not thread-safe while being changed; safe to read from many threads afterwards.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The storage service version sent by the Blob and Queue clients, e.g. <c>"2026-06-06"</c>, or null for the
    /// SDK's default. The SDK's newest version is refused by emulators that do not know it yet (Azurite 3.37 accepts
    /// up to 2026-06-06), so pin it where the app talks to one. Tables have one service version and ignore this.
    /// </summary>
    public string? ServiceVersion { get; set; }

    /// <summary>How long one attempt may wait for the service (default 30 s); a timeout counts as a transient failure.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (default 4, so at most five attempts; 0 for none).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's back-off (default 200 ms); it doubles per retry, with jitter.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest back-off between two attempts (default 8 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The transport under the pipeline (null: the SDK's HTTP client). Tests put fault injection here.</summary>
    public HttpPipelineTransport? Transport { get; set; }

    /// <summary>
    /// Policies run once per attempt, after the retry policy (so they see every request sent, retries included),
    /// e.g. a <see cref="StorageRequestCounter"/>. The same instances are shared by every client created from these options.
    /// </summary>
    public IList<HttpPipelinePolicy> PerRetryPolicies { get; } = [];

    /// <summary>
    /// Reads the options from a configuration section: <c>ServiceVersion</c>, <c>NetworkTimeout</c>, <c>MaxRetries</c>,
    /// <c>Delay</c>, <c>MaxDelay</c> (time spans as <c>hh:mm:ss</c>); keys that are absent keep their defaults.
    /// </summary>
    /// <exception cref="FormatException">A value present cannot be read.</exception>
    public static StorageOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new StorageOptions();
        if (section[nameof(ServiceVersion)] is { Length: > 0 } version)
        {
            options.ServiceVersion = version;
        }

        if (section[nameof(MaxRetries)] is { Length: > 0 } retries)
        {
            options.MaxRetries = int.Parse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        options.NetworkTimeout = ReadTimeSpan(section, nameof(NetworkTimeout)) ?? options.NetworkTimeout;
        options.Delay = ReadTimeSpan(section, nameof(Delay)) ?? options.Delay;
        options.MaxDelay = ReadTimeSpan(section, nameof(MaxDelay)) ?? options.MaxDelay;
        return options;
    }

    /// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/> with these settings applied.</summary>
    public TableClientOptions CreateTableClientOptions() => Apply(new TableClientOptions());

    /// <summary>Options for the blob clients with these settings applied, the service version pinned if set.</summary>
    /// <exception cref="ArgumentException"><see cref="ServiceVersion"/> is not a version this SDK knows.</exception>
    public BlobClientOptions CreateBlobClientOptions()
    {
        var options = ServiceVersion is null
            ? new BlobClientOptions()
            : new BlobClientOptions(ParseVersion<BlobClientOptions.ServiceVersion>(ServiceVersion));
        return Apply(options);
    }

    /// <summary>
    /// Options for the queue clients with these settings applied, the service version pinned if set, and message text
    /// encoded as base64 (what Azure Functions' queue trigger expects).
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="ServiceVersion"/> is not a version this SDK knows.</exception>
    public QueueClientOptions CreateQueueClientOptions()
    {
        var options = ServiceVersion is null
            ? new QueueClientOptions()
            : new QueueClientOptions(ParseVersion<QueueClientOptions.ServiceVersion>(ServiceVersion));
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return Apply(options);
    }

    /// <summary>The retry policy these settings describe; every <c>Create*ClientOptions</c> installs a new one.</summary>
    public StorageRetryPolicy CreateRetryPolicy() => new(MaxRetries, Delay, MaxDelay);

    private T Apply<T>(T options)
        where T : ClientOptions
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NetworkTimeout, TimeSpan.Zero);
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = Delay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.Mode = RetryMode.Exponential;
        options.RetryPolicy = CreateRetryPolicy();
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        foreach (var policy in PerRetryPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    private static TVersion ParseVersion<TVersion>(string version)
        where TVersion : struct, Enum
    {
        var name = "V" + version.Replace('-', '_');
        return Enum.TryParse<TVersion>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"Storage service version '{version}' is not one this SDK knows ({typeof(TVersion).DeclaringType?.Name}).", nameof(version));
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : null;
}
