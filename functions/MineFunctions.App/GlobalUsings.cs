// What the function classes bind with (the Functions worker and its Durable client binding) and the
// app's own adapters, options and run clients: every trigger file would otherwise repeat them.
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.DurableTask.Client;
global using Microsoft.Extensions.Options;
global using MineFunctions.App.Http;
global using MineFunctions.App.Options;
global using MineFunctions.App.Runs;
