namespace MineFunctions.App.Runs;

/// <summary>How a trigger treats an instance that already has the id it wants to start.</summary>
/// <param name="RestartCompleted">Start again over a Completed instance (HTTP: the caller asked for a fresh run).</param>
/// <param name="RestartFailed">Start again over a Failed or Terminated instance.</param>
/// <param name="StaleAfter">A Running/Pending instance created longer ago than this is terminated and restarted; null: never.</param>
public sealed record RunStartPolicy(bool RestartCompleted, bool RestartFailed, TimeSpan? StaleAfter);
