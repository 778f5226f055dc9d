namespace QuyCheWorkflow.Functions.Tests.Schemas;

/// <summary>Deliberately wrong host.json and function.json files are refused, each with a message saying why.</summary>
public sealed class FunctionsHostSchemasTests
{
    [Fact]
    public async Task ValidateHost_UnknownCustomHandlerProperty_NamesIt()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync(
            """{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "app" }, "enableProxyingHttpRequest": true } }""");

        Assert.Contains(errors, e => e.Contains("NoAdditionalPropertiesAllowed", StringComparison.Ordinal) && e.Contains("enableProxyingHttpRequest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateHost_BatchSizeAboveMaximum_SaysSo()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 64 } } }""");

        Assert.Contains(errors, e => e.Contains("batchSize", StringComparison.Ordinal) && e.Contains("NumberTooBig", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateHost_VisibilityTimeoutNotATimeSpan_SaysSo()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync("""{ "version": "2.0", "extensions": { "queues": { "visibilityTimeout": "10 seconds" } } }""");

        Assert.Contains(errors, e => e.Contains("visibilityTimeout", StringComparison.Ordinal) && e.Contains("PatternMismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateHost_WithoutVersion_NamesTheMissingProperty()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync("""{ "logging": { "logLevel": { "default": "Information" } } }""");

        Assert.Contains(errors, e => e.Contains("PropertyRequired", StringComparison.Ordinal) && e.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateHost_MinimalValidFile_ReportsNothing()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync("""{ "version": "2.0", "logging": { "logLevel": { "default": "Warning" } } }""");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValidateFunction_BindingWithoutDirection_IsRefused()
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync("""{ "bindings": [ { "type": "queueTrigger", "name": "message", "queueName": "q" } ] }""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task ValidateFunction_TimerTriggerWithFiveFieldSchedule_IsRefused()
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync(
            """{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "*/5 * * * *" } ] }""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task ValidateFunction_QueueTriggerWithOutDirection_IsRefused()
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync(
            """{ "bindings": [ { "type": "queueTrigger", "direction": "out", "name": "m", "queueName": "q" } ] }""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task ValidateFunction_HttpTriggerWithUnknownAuthLevel_IsRefused()
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync(
            """{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "public" } ] }""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task ValidateFunction_WellFormedQueueTrigger_ReportsNothing()
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync(
            """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "q", "connection": "Storage" } ] }""");

        Assert.Empty(errors);
    }
}
