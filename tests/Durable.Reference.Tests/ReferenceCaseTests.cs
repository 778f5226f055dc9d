using QuyCheWorkflow.Durable.Reference.Tests.Cases;
using QuyCheWorkflow.Durable.Reference.Tests.Engines;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Reference.Tests;

/// <summary>Every reference case on every engine, each checked against the outcome intended for that engine.</summary>
public sealed class ReferenceCaseTests(AzuriteFixture azurite, ReferenceRuns runs) : IClassFixture<ReferenceRuns>
{
    public static TheoryData<string, string> EnginesAndCases { get; } = Combine();

    [Theory]
    [MemberData(nameof(EnginesAndCases))]
    public async Task Case_OnEngine_EndsAsIntended(string engine, string caseName)
    {
        var referenceCase = ReferenceCases.Named(caseName);

        var result = await runs.RunAsync(engine, referenceCase, azurite.ConnectionString).WaitAsync(TestContext.Current.CancellationToken);

        referenceCase.ExpectedOn(engine).Verify(result);
    }

    private static TheoryData<string, string> Combine()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in ReferenceEngines.Names)
        {
            foreach (var referenceCase in ReferenceCases.All)
            {
                data.Add(engine, referenceCase.Name);
            }
        }

        return data;
    }
}
