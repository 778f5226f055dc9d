using QuyCheWorkflow.Functions.Hosting;

// The settings files sit beside the executable: the content root is that folder whatever the working directory
// (run.sh starts the app from the repository root; the Functions host from the app's folder).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddQuyCheWorkflow();

var app = builder.Build();
app.MapQuyCheWorkflow();
app.Run();
