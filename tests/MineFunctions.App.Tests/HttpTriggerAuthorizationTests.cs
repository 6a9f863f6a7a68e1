using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace MineFunctions.App.Tests;

public sealed class HttpTriggerAuthorizationTests
{
    [Fact]
    public void EveryHttpTrigger_RequiresAFunctionKey()
    {
        var triggers = typeof(Triggers.PageTriggers).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetParameters())
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<HttpTriggerAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Equal(AuthorizationLevel.Function, t.Attribute!.AuthLevel));
    }

    [Fact]
    public void TheTriggersServeExactlyTheSharedRoutes_OncePerRoute()
    {
        // `mine serve` maps the same constants (Cli.Tests checks that side), so the hosts serve the same routes.
        var triggers = typeof(Triggers.PageTriggers).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(a => (a.Methods ?? []).Select(m => (Route: a.Route!, Method: m.ToUpperInvariant())))
            .ToList();
        // Each (route, method) served once; `runs` is GET (list) and POST (start).
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
        Assert.Equal(["GET", "POST"], triggers.Where(t => t.Route == "runs").Select(t => t.Method).Order(StringComparer.Ordinal));
        var routes = triggers.Select(t => t.Route).Distinct().Order(StringComparer.Ordinal);
        var shared = typeof(Workflow.Api.ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(Workflow.Api.ApiRoutes.Prefix))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(shared, routes);
    }
}
