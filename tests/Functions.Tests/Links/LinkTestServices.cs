using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Links;

/// <summary>Builds the Links services from in-memory configuration, as the app host would.</summary>
internal static class LinkTestServices
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static ServiceProvider Build(FakeTimeProvider clock, string activeKeyId, IReadOnlyDictionary<string, string> keys, string baseUrl = "http://127.0.0.1:7071")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Links:BaseUrl"] = baseUrl,
            ["Links:ActiveKeyId"] = activeKeyId,
            ["Links:DefaultLifetime"] = "14.00:00:00",
        };
        foreach (var (id, key) in keys)
        {
            settings[$"Links:Keys:{id}"] = key;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddQuyCheWorkflowLinks(configuration)
            .BuildServiceProvider();
    }

    public static LinkClaims Claims(DateTimeOffset expiresAt, LinkAction action = LinkAction.Vote) => new(
        RegulationId: "reg-ĐU-2026",
        RoundId: "vote-round-01",
        RecipientId: "member-07",
        Action: action,
        ContentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ExpiresAt: expiresAt);
}
