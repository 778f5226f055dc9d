using Microsoft.Extensions.Configuration;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Tests.Hosting;

public sealed class HostingModelTests
{
    [Fact]
    public void From_CustomHandlerPortSet_ListensOnLoopbackPortWithDriversOff()
    {
        var model = HostingModel.From(Configuration((AppSettings.CustomHandlerPort, "41234"), (AppSettings.Url, "http://0.0.0.0:80")));

        Assert.Equal(new HostingModel("http://127.0.0.1:41234", IsCustomHandler: true, EmbeddedDriversEnabled: false), model);
    }

    [Fact]
    public void From_NothingSet_ListensOnDefaultUrlWithDriversOn()
    {
        var model = HostingModel.From(Configuration());

        Assert.Equal(new HostingModel("http://127.0.0.1:7071", IsCustomHandler: false, EmbeddedDriversEnabled: true), model);
    }

    [Fact]
    public void From_ConfiguredUrl_ListensThere()
    {
        var model = HostingModel.From(Configuration((AppSettings.Url, "http://127.0.0.1:8088")));

        Assert.Equal("http://127.0.0.1:8088", model.ListenUrl);
    }

    [Theory]
    [InlineData(null, "auto", true)]
    [InlineData(null, "false", false)]
    [InlineData("41234", "true", true)]
    [InlineData("41234", "Auto", false)]
    public void From_EmbeddedDriversSetting_OverridesTheDefault(string? port, string setting, bool expected)
    {
        var model = HostingModel.From(Configuration((AppSettings.CustomHandlerPort, port), (AppSettings.EmbeddedDrivers, setting)));

        Assert.Equal(expected, model.EmbeddedDriversEnabled);
    }

    [Theory]
    [InlineData(AppSettings.CustomHandlerPort, "http")]
    [InlineData(AppSettings.CustomHandlerPort, "70000")]
    [InlineData(AppSettings.EmbeddedDrivers, "sometimes")]
    public void From_InvalidSetting_Throws(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() => HostingModel.From(Configuration((key, value))));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
