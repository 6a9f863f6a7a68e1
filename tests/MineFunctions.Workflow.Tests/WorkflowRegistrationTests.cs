using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Tests;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public void EveryOrchestratorAndActivityClass_IsRegistered()
    {
        var types = typeof(WorkflowRegistration).Assembly.GetTypes().Where(t => !t.IsAbstract).ToList();
        var orchestrators = types.Where(t => typeof(ITaskOrchestrator).IsAssignableFrom(t)).ToHashSet();
        // A decorator (it takes the activity it wraps, as ActivitiesInFlight's counter does) is not an activity of its own.
        var activities = types.Where(t => typeof(ITaskActivity).IsAssignableFrom(t)
            && !t.GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ITaskActivity)))).ToHashSet();
        Assert.Equal(orchestrators.OrderBy(t => t.Name), WorkflowRegistration.Orchestrators.OrderBy(t => t.Name));
        Assert.Equal(activities.OrderBy(t => t.Name), WorkflowRegistration.Activities.OrderBy(t => t.Name));
    }

    [Fact]
    public void ClassNames_FollowTheNamingConvention()
    {
        Assert.All(WorkflowRegistration.Orchestrators, t => Assert.EndsWith("Orchestrator", t.Name));
        Assert.All(WorkflowRegistration.Activities, t => Assert.EndsWith("Activity", t.Name));
    }

    [Fact]
    public void EveryActivity_IsBuiltFromTheServicesAHostRegisters()
    {
        // What a host registers (the CLI's LocalRunner and worker, the Functions app's composition root): the run's
        // storage through AddWorkflowStorage, and the acquisition clients. Nothing here connects.
        const string Account = "UseDevelopmentStorage=true";
        var storage = new PipelineStorage(
            new ProductBlobStore(new BlobServiceClient(Account), "mine-input"), new ProductBlobStore(new BlobServiceClient(Account), "mine-products"),
            new ResultTableStore(new TableServiceClient(Account)));
        using var http = new HttpClient();
        using var services = new ServiceCollection()
            .AddWorkflowStorage(storage)
            .AddSingleton(new AcquisitionServices(http, new Uri("http://127.0.0.1/search"), new Uri("http://127.0.0.1/hyp3"), null))
            .BuildServiceProvider();

        Assert.Same(storage, services.GetRequiredService<IProductStore>());
        Assert.All(WorkflowRegistration.Activities, t => Assert.IsType(t, ActivatorUtilities.CreateInstance(services, t)));
    }
}
