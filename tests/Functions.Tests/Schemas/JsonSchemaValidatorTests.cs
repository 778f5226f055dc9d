using System.Text.Json;

namespace QuyCheWorkflow.Functions.Tests.Schemas;

public sealed class JsonSchemaValidatorTests
{
    private static readonly JsonSchemaValidator s_hostSchema = JsonSchemaValidator.Load(SchemaPath("azure-functions-host.schema.json"));
    private static readonly JsonSchemaValidator s_functionSchema = JsonSchemaValidator.Load(SchemaPath("azure-functions-function.schema.json"));

    [Fact]
    public void Validate_HostJsonWithUnknownCustomHandlerProperty_ReportsIt()
    {
        var document = Parse("""{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "app" }, "enableProxyingHttpRequest": true } }""");

        var errors = s_hostSchema.Validate(document, "#/definitions/version-2");

        Assert.Contains(errors, e => e.Contains("enableProxyingHttpRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HostJsonWithBatchSizeAboveMaximum_ReportsIt()
    {
        var document = Parse("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 64 } } }""");

        var errors = s_hostSchema.Validate(document, "#/definitions/version-2");

        Assert.Contains(errors, e => e.Contains("maximum", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HostJsonWithBadVisibilityTimeoutPattern_ReportsIt()
    {
        var document = Parse("""{ "version": "2.0", "extensions": { "queues": { "visibilityTimeout": "10 seconds" } } }""");

        var errors = s_hostSchema.Validate(document, "#/definitions/version-2");

        Assert.Contains(errors, e => e.Contains("does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HostJsonWithoutVersion_ReportsMissingRequired()
    {
        var document = Parse("""{ "logging": { "logLevel": { "default": "Information" } } }""");

        var errors = s_hostSchema.Validate(document, "#/definitions/version-2");

        Assert.Contains(errors, e => e.Contains("'version'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MinimalValidHostJson_ReportsNothing()
    {
        var document = Parse("""{ "version": "2.0", "logging": { "logLevel": { "default": "Warning" } } }""");

        var errors = s_hostSchema.Validate(document, "#/definitions/version-2");

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_FunctionJsonBindingWithoutDirection_ReportsIt()
    {
        var document = Parse("""{ "bindings": [ { "type": "queueTrigger", "name": "message", "queueName": "q" } ] }""");

        var errors = s_functionSchema.Validate(document);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_TimerTriggerWithFiveFieldSchedule_ReportsIt()
    {
        var document = Parse("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "*/5 * * * *" } ] }""");

        var errors = s_functionSchema.Validate(document);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_QueueTriggerWithOutDirection_ReportsIt()
    {
        var document = Parse("""{ "bindings": [ { "type": "queueTrigger", "direction": "out", "name": "m", "queueName": "q" } ] }""");

        var errors = s_functionSchema.Validate(document);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_HttpTriggerWithUnknownAuthLevel_ReportsIt()
    {
        var document = Parse("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "public" } ] }""");

        var errors = s_functionSchema.Validate(document);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_WellFormedQueueTrigger_ReportsNothing()
    {
        var document = Parse("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "q", "connection": "Storage" } ] }""");

        var errors = s_functionSchema.Validate(document);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_SchemaWithUnsupportedKeyword_Throws()
    {
        var validator = new JsonSchemaValidator(Parse("""{ "type": "object", "dependencies": { "a": ["b"] } }"""));

        Assert.Throws<NotSupportedException>(() => validator.Validate(Parse("""{ "a": 1 }""")));
    }

    internal static string SchemaPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Schemas", fileName);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
