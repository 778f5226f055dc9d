using QuyCheWorkflow.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuyCheWorkflow();

var app = builder.Build();
app.MapQuyCheWorkflow();
app.Run();
