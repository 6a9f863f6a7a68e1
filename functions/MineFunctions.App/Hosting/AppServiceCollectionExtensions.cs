using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using MineFunctions.App.Results;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Resilience;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Hosting;

/// <summary>The app's composition root (ARCHITECTURE.md convention 9): options validated at start, clients, pipelines.</summary>
public static class AppServiceCollectionExtensions
{
    /// <summary>Registers everything the triggers and the workflow's activities need.</summary>
    public static IServiceCollection AddMineFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<MineFunctionsOptions>(configuration, MineFunctionsOptions.SectionName);
        services.AddSingleton<IValidateOptions<MineFunctionsOptions>>(new TaskHubMatchesHostJson(TaskHubMatchesHostJson.DefaultPath));
        services.AddValidatedOptions<PipelineOptions>(configuration, PipelineOptions.SectionName);
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddValidatedOptions<RasterWorkOptions>(configuration, RasterWorkOptions.SectionName);
        services.AddValidatedOptions<RasterReadOptions>(configuration, RasterReadOptions.SectionName);
        services.AddValidatedOptions<AcquisitionOptions>(configuration, AcquisitionOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RunClients>();
        services.AddSingleton(sp => new InputBlobHandler(
            AppApi.Settings(sp.GetRequiredService<IOptions<MineFunctionsOptions>>(), sp.GetRequiredService<IOptions<PipelineOptions>>()),
            sp.GetRequiredService<ILogger<InputBlobHandler>>()));
        services.AddSingleton(sp => new RasterResiliencePipelines(
            sp.GetRequiredService<IOptions<RasterWorkOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton(sp => new StorageConnection(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateBlobServiceClient());
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateTableServiceClient());
        services.AddSingleton(sp => new ProductBlobStore(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<MineFunctionsOptions>>().Value.ProductsContainer));
        services.AddSingleton(sp => new ResultTableStore(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<MineFunctionsOptions>>().Value.TablePrefix));
        services.AddWorkflowStorage(sp => new PipelineStorage(
            new ProductBlobStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<MineFunctionsOptions>>().Value.InputContainer),
            sp.GetRequiredService<ProductBlobStore>(),
            sp.GetRequiredService<ResultTableStore>(),
            sp.GetRequiredService<IOptions<RasterReadOptions>>().Value));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(sp =>
        {
            var a = sp.GetRequiredService<IOptions<AcquisitionOptions>>().Value;
            return new MineFunctions.Workflow.Acquisition.AcquisitionServices(
                MineFunctions.Workflow.Acquisition.AcquisitionServices.CreateHttpClient(), new Uri(a.AsfSearchUrl), new Uri(a.Hyp3Url), a.EarthdataToken);
        });
        services.AddSingleton<CurrentSettings>();
        services.AddSingleton<IRunResults>(sp => new RunResults(sp.GetRequiredService<PipelineStorage>()));
        return services;
    }

    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, checks its data annotations and fails the start when they don't hold.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
