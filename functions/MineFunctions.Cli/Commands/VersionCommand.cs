using System.Reflection;
using System.Runtime.InteropServices;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>`mine version`: product version, .NET runtime, and the GDAL version read from libgdal at run time.</summary>
internal sealed class VersionCommand : ICliCommand
{
    public string Name => "version";
    public string Summary => "Print the product, .NET runtime and GDAL versions.";
    public string Usage => "mine version";

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        args.RejectUnknown();
        output.WriteLine($"MineFunctions {ProductVersion()}");
        output.WriteLine($"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
        output.WriteLine(GdalLibrary.VersionString());
        return Task.FromResult(0);
    }

    internal static string ProductVersion()
    {
        var info = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Strip the "+commit" suffix the SDK appends for source-linked builds.
        return info?.Split('+')[0] ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
