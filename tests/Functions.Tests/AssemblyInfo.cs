[assembly: AssemblyFixture(typeof(QuyCheWorkflow.Testing.AzuriteFixture))]
[assembly: AssemblyFixture(typeof(QuyCheWorkflow.Testing.MaildevFixture))]
[assembly: AssemblyFixture(typeof(QuyCheWorkflow.Functions.Tests.Web.BrowserFixture))]
