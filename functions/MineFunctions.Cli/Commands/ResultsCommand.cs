using System.Globalization;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>`mine results ASSET`: an asset's yearly area, production and emissions from the result tables.</summary>
internal sealed class ResultsCommand : ICliCommand
{
    public string Name => "results";
    public string Summary => "Show an asset's yearly mined area, production and emissions from the result tables.";

    public string Usage =>
        "mine results ASSET [--namespace NAME] [--settings-key KEY] [--state DIR]\n" +
        "  --settings-key  the products of these settings (default: the default settings' key)\n" +
        $"  --state DIR     local Azurite data folder when {LocalStorage.ConnectionVariable} is not set";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var names = RunNamespace.Of(args.Optional("namespace"));
        var key = args.Optional("settings-key") ?? SettingsFingerprint.Of(new PipelineSettings());
        var state = args.Optional("state") ?? LocalStorage.DefaultStateDirectory;
        args.RejectUnknown();
        if (args.Positionals.Count != 1) throw new UsageException("Name one asset.");
        string asset;
        try
        {
            asset = AssetIds.Check(args.Positionals[0]);
            StorageLayout.CheckSettingsKey(key);
        }
        catch (StorageNameException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (!LocalStorage.IsConfigured && !Directory.Exists(state))
        {
            output.WriteLine($"No results yet: {LocalStorage.ConnectionVariable} is not set and there is no local state in {state}.");
            return 1;
        }

        await using var local = await LocalStorage.OpenAsync(state, null, cancellationToken);
        var storage = await PipelineStorage.ConnectAsync(names.StorageOptions(local.ConnectionString), cancellationToken);
        var years = await new RunResults(storage).GetAssetYearsAsync(asset, key, cancellationToken);
        if (years.Count == 0)
        {
            output.WriteLine($"No results for asset '{asset}' under settings key {key}.");
            return 1;
        }

        output.WriteLine($"{asset} (settings {key})");
        output.WriteLine($"{"year",4} {"pairs ok/rej",12} {"active px",10} {"area m²",12} {"± m²",10} {"ore t",14} {"± t",12} {"conf",9} {"EF t/t",8} {"CO2 t",12} {"conf",9} {"± t",10}");
        foreach (var (year, a, e) in years)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{year,4} {(a is null ? "" : $"{a.AcceptedPairs}/{a.RejectedPairs}"),12} {a?.ActivePixels,10} {a?.ActiveAreaM2,12:0} {a?.ActiveAreaUncertaintyM2,10:0} {e?.ActivityTonnes,14:0} {e?.ActivityUncertaintyTonnes,12:0} {e?.ActivityConfidence,9} {e?.EmissionFactor,8:0.0000} {e?.Co2Tonnes,12:0} {e?.Confidence,9} {e?.Uncertainty,10:0}"));
        }
        return 0;
    }
}
