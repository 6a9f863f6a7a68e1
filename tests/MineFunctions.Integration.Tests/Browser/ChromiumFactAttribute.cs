namespace MineFunctions.Integration.Tests.Browser;

/// <summary>A test that needs headless Chromium: skipped, with the reason, when no browser is installed (CI installs it through ./build.sh deps).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null)
            Skip = $"No headless Chromium on PATH (or in {HeadlessChromium.Variable}): install Debian's chromium (./build.sh deps does) to run the browser tests.";
    }
}
