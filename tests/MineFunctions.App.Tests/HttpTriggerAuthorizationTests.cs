using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace MineFunctions.App.Tests;

public sealed class HttpTriggerAuthorizationTests
{
    [Fact]
    public void EveryHttpTrigger_RequiresAFunctionKey()
    {
        var triggers = typeof(Triggers.HealthTrigger).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetParameters())
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<HttpTriggerAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Equal(AuthorizationLevel.Function, t.Attribute!.AuthLevel));
    }
}
