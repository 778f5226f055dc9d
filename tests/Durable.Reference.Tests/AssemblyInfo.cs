[assembly: AssemblyFixture(typeof(QuyCheWorkflow.Testing.AzuriteFixture))]
