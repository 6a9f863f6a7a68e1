// The workflow's storage, contracts and activities, which nearly every test here works with (as in the
// Workflow project's own GlobalUsings.cs): the test files would otherwise repeat them.
global using MineFunctions.Infrastructure.Gdal;
global using MineFunctions.Infrastructure.Storage;
global using MineFunctions.Infrastructure.Storage.Tables;
global using MineFunctions.Workflow.Activities;
global using MineFunctions.Workflow.Contracts;
global using MineFunctions.Workflow.Storage;
