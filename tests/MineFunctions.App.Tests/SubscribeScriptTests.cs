using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

/// <summary>
/// infra/subscribe.sh against stand-ins for the Azure CLI and curl (no Azure here): it waits for the
/// host keys and a 200 from /api/health, then deploys infra/subscription.bicep, retrying refusals.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // runs a bash script with stand-ins made executable
public sealed class SubscribeScriptTests
{
    // The stand-in az: answers from main's outputs, lists keys only after KEYS_AFTER calls, and fails
    // the first CREATE_FAILS subscription deployments; every call is logged.
    private const string FakeAz = """
        #!/usr/bin/env bash
        dir="$(dirname "$0")"
        echo "az $*" >> "$dir/calls.log"
        count() { local n; n=$(( $(cat "$dir/$1" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/$1"; echo "$n"; }
        query=""; prev=""
        for a in "$@"; do [[ "$prev" == --query ]] && query="$a"; prev="$a"; done
        case "$1 $2 $3" in
          "deployment group show")
            case "$query" in
              properties.outputs.functionAppName.value) echo minefn-func-abc ;;
              properties.outputs.eventGridTopicName.value) echo minefn-storage-events ;;
              properties.outputs.inputContainer.value) echo mine-input ;;
              properties.outputs.apiBaseUrl.value) echo https://minefn-func-abc.azurewebsites.net/api ;;
            esac ;;
          "functionapp keys list")
            [[ $(count keys.count) -gt ${KEYS_AFTER:-0} ]] || { echo "host is starting" >&2; exit 1; }
            case "$query" in functionKeys.default) echo fkey ;; systemKeys.blobs_extension) echo bkey ;; esac ;;
          "deployment group create")
            [[ $(count create.count) -gt ${CREATE_FAILS:-0} ]] || { echo "webhook validation failed" >&2; exit 1; } ;;
          *) exit 100 ;;
        esac
        """;

    // The stand-in curl: prints the status code, 503 for the first HEALTH_503 calls, then 200.
    private const string FakeCurl = """
        #!/usr/bin/env bash
        dir="$(dirname "$0")"
        echo "curl ${@: -1}" >> "$dir/calls.log"
        n=$(( $(cat "$dir/curl.count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/curl.count"
        if [[ $n -le ${HEALTH_503:-0} ]]; then printf 503; else printf 200; fi
        """;

    private static async Task<(int Exit, string Stderr, string[] Calls)> RunAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        var bin = Directory.CreateTempSubdirectory("minefunctions-fakeaz-");
        try
        {
            foreach (var (name, content) in new[] { ("az", FakeAz), ("curl", FakeCurl) })
            {
                var path = Path.Combine(bin.FullName, name);
                await File.WriteAllTextAsync(path, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            environment["PATH"] = $"{bin.FullName}:/usr/bin:/bin";
            environment["MINEFUNCTIONS_SUBSCRIBE_POLL"] = "0";
            var (exit, _, stderr) = await ProcessRunner.RunAsync("bash", [RepoPaths.Of("infra", "subscribe.sh"), .. arguments],
                bin.FullName, TimeSpan.FromMinutes(1), environment);
            var log = Path.Combine(bin.FullName, "calls.log");
            return (exit, stderr, File.Exists(log) ? await File.ReadAllLinesAsync(log) : []);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ItWaitsForKeysAndHealth_ThenRetriesTheSubscriptionUntilItIsAccepted()
    {
        var (exit, stderr, calls) = await RunAsync(new() { ["KEYS_AFTER"] = "2", ["HEALTH_503"] = "2", ["CREATE_FAILS"] = "1" }, "minefunctions-rg");

        Assert.True(exit == 0, stderr);
        var health = calls.Where(c => c.StartsWith("curl", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, health.Count);
        Assert.All(health, c => Assert.Equal("curl https://minefn-func-abc.azurewebsites.net/api/health?code=fkey", c));
        var creates = calls.Where(c => c.StartsWith("az deployment group create", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c =>
        {
            Assert.Contains("-g minefunctions-rg", c, StringComparison.Ordinal);
            Assert.Contains(RepoPaths.Of("infra", "subscription.bicep"), c, StringComparison.Ordinal);
            Assert.Contains("functionAppName=minefn-func-abc topicName=minefn-storage-events inputContainer=mine-input", c, StringComparison.Ordinal);
        });
        // Order: no subscription before the app answered 200 and its blobs_extension key was listed.
        var firstCreate = Array.FindIndex(calls, c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
        Assert.True(Array.FindLastIndex(calls, c => c.StartsWith("curl", StringComparison.Ordinal)) < firstCreate);
        Assert.True(Array.FindLastIndex(calls, c => c.Contains("systemKeys.blobs_extension", StringComparison.Ordinal)) < firstCreate);
    }

    [Fact]
    public async Task ItGivesUpClearlyWhenTheAppNeverStarts()
    {
        var (exit, stderr, calls) = await RunAsync(new() { ["KEYS_AFTER"] = "1000000", ["MINEFUNCTIONS_SUBSCRIBE_TIMEOUT"] = "0" }, "minefunctions-rg");

        Assert.Equal(1, exit);
        Assert.Contains("gave up after 0s waiting for the host keys of minefn-func-abc", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ItStopsAfterTheLastAttempt()
    {
        var (exit, stderr, calls) = await RunAsync(new() { ["CREATE_FAILS"] = "1000", ["MINEFUNCTIONS_SUBSCRIBE_ATTEMPTS"] = "3" }, "minefunctions-rg");

        Assert.Equal(1, exit);
        Assert.Contains("failed 3 times", stderr, StringComparison.Ordinal);
        Assert.Equal(3, calls.Count(c => c.StartsWith("az deployment group create", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithoutAResourceGroupItPrintsUsage()
    {
        var (exit, stderr, calls) = await RunAsync([]);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
        Assert.Empty(calls);
    }
}
