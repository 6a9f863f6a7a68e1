using Microsoft.DurableTask;

namespace MineFunctions.Workflow.Tests;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public void EveryOrchestratorAndActivityClass_IsRegistered()
    {
        var types = typeof(WorkflowRegistration).Assembly.GetTypes().Where(t => !t.IsAbstract).ToList();
        var orchestrators = types.Where(t => typeof(ITaskOrchestrator).IsAssignableFrom(t)).ToHashSet();
        var activities = types.Where(t => typeof(ITaskActivity).IsAssignableFrom(t)).ToHashSet();
        Assert.Equal(orchestrators.OrderBy(t => t.Name), WorkflowRegistration.Orchestrators.OrderBy(t => t.Name));
        Assert.Equal(activities.OrderBy(t => t.Name), WorkflowRegistration.Activities.OrderBy(t => t.Name));
    }

    [Fact]
    public void ClassNames_FollowTheNamingConvention()
    {
        Assert.All(WorkflowRegistration.Orchestrators, t => Assert.EndsWith("Orchestrator", t.Name));
        Assert.All(WorkflowRegistration.Activities, t => Assert.EndsWith("Activity", t.Name));
    }
}
