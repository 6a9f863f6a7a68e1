using Microsoft.DurableTask;

namespace MineFunctions.App.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> a workflow activity class expects, built from the Functions
/// activity invocation (the Functions host has no class-based activity dispatch in isolated mode).
/// </summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;

    /// <summary>The context of the current activity invocation: its function name and orchestration instance id.</summary>
    public static FunctionActivityContext From(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
        return new FunctionActivityContext(context.FunctionDefinition.Name, instanceId);
    }
}
