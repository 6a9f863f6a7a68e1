// What nearly every workflow class works with: the Durable Task SDK, the storage it reads and writes
// (blobs, rasters, table rows) and the records that cross the Durable history. Every activity would
// otherwise repeat them.
global using Microsoft.DurableTask;
global using MineFunctions.Infrastructure.Gdal;
global using MineFunctions.Infrastructure.Storage;
global using MineFunctions.Infrastructure.Storage.Tables;
global using MineFunctions.Workflow.Contracts;
global using MineFunctions.Workflow.Storage;
