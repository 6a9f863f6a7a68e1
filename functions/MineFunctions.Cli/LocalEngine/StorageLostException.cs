namespace MineFunctions.Cli.LocalEngine;

/// <summary>Storage stopped answering while a run was under way (Azurite killed, the account gone): one sentence, exit code 3.</summary>
internal sealed class StorageLostException(string message, Exception inner) : Exception(message, inner);
