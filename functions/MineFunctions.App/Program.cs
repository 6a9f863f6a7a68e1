using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using MineFunctions.App.Hosting;

// Thin host: ASP.NET Core integration for the HTTP triggers, then the app's services. Options are
// validated at start (a bad setting stops the worker with the setting's name instead of failing
// the first run); the Durable client and the trigger bindings come from the Functions host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMineFunctionsApp(builder.Configuration);
builder.Build().Run();
