using System.Text.Json.Nodes;

namespace QuyCheWorkflow.Functions.Tests.CustomHandler;

/// <summary>Invocation payloads shaped exactly as the Functions host sends them to a custom handler.</summary>
internal static class InvocationPayloads
{
    public static JsonObject QueueTrigger(
        string functionName, string messageText, string messageId, int dequeueCount, DateTimeOffset insertedOn) => new()
    {
        ["Data"] = new JsonObject { ["message"] = messageText },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount,
            ["ExpirationTime"] = insertedOn.AddDays(7).ToString("o"),
            ["Id"] = messageId,
            ["InsertionTime"] = insertedOn.ToString("o"),
            ["NextVisibleTime"] = insertedOn.AddMinutes(10).ToString("o"),
            ["PopReceipt"] = "AgAAAAMAAAAAAAAA1DfuZbLQ2gE=",
            ["sys"] = new JsonObject
            {
                ["MethodName"] = functionName,
                ["UtcNow"] = insertedOn.AddSeconds(1).ToString("o"),
                ["RandGuid"] = "5f0c1b9e-8c55-4cf6-9c6e-3c2f3f0b6d11",
            },
        },
    };

    public static JsonObject TimerTrigger(string functionName, DateTimeOffset now, bool isPastDue) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = now.AddMinutes(-15).ToString("o"),
                    ["Next"] = now.AddMinutes(15).ToString("o"),
                    ["LastUpdated"] = now.AddMinutes(-15).ToString("o"),
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject
            {
                ["MethodName"] = functionName,
                ["UtcNow"] = now.ToString("o"),
                ["RandGuid"] = "0d6f4c0e-2b1f-4a43-a3f4-8a9b2f0e7c55",
            },
        },
    };
}
