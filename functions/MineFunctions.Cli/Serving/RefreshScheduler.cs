using MineFunctions.Workflow.Runs;
using NCrontab;

namespace MineFunctions.Cli.Serving;

/// <summary>
/// The monthly refresh of `mine serve`: the Functions app's timer setting (six-field NCRONTAB, UTC,
/// <c>MineFunctions__RefreshSchedule</c>), firing the same <see cref="MonthlyRefresh"/> start. Like the
/// app's timer it does not run at start-up and does not catch up ticks missed while stopped; the
/// month's instance id keeps a second tick in one month from starting anything.
/// </summary>
internal sealed class RefreshScheduler(CrontabSchedule schedule, Func<CancellationToken, Task<RunStart>> tick, TextWriter output, TimeProvider? time = null)
{
    /// <summary>The setting name shared with the Functions app.</summary>
    public const string Variable = "MineFunctions__RefreshSchedule";

    // Task.Delay takes at most ~49 days; sleeping a day at a time also follows a clock that jumped.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromDays(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Parses a six-field NCRONTAB (seconds first), as the Functions timer does; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static CrontabSchedule Parse(string expression)
    {
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return schedule ?? throw new ArgumentException(
            $"'{expression}' is not a six-field NCRONTAB schedule (second minute hour day month weekday, UTC), e.g. '{Workflow.Triggers.MonthlyRefresh.DefaultSchedule}'.");
    }

    /// <summary>The first tick after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    /// <summary>Fires at every tick until cancelled; a failed start is reported and the next tick tries again.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = Next(_time.GetUtcNow());
            output.WriteLine($"schedule: next refresh {due:u}");
            for (var wait = due - _time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - _time.GetUtcNow())
                await Task.Delay(wait < LongestSleep ? wait : LongestSleep, _time, cancellationToken);
            try
            {
                var start = await tick(cancellationToken);
                output.WriteLine($"schedule: run {start.InstanceId} {start.Status} ({start.Reason})");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                output.WriteLine($"schedule: the refresh did not start: {e.Message}");
            }
        }
    }
}
