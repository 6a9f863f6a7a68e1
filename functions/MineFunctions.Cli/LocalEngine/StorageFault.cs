using System.Net.Sockets;
using Azure;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// Recognises a storage fault anywhere in an exception chain (the Durable engine and the SDKs wrap
/// them) and says it in one sentence: unreachable, refused (wrong key), or gone mid-run
/// (<see cref="StorageLostException"/>, raised by the local runner when the engine fails because storage died).
/// </summary>
internal static class StorageFault
{
    public static string? Describe(Exception error)
    {
        foreach (var e in Chain(error))
        {
            switch (e)
            {
                case StorageLostException lost:
                    return lost.Message;
                case RequestFailedException { Status: 401 or 403 } r:
                    return $"Storage refused the request ({r.Status} {r.ErrorCode}): check the account name and key in {LocalStorage.ConnectionVariable}.";
                case RequestFailedException { Status: 0 } r:
                    return $"Storage is unreachable: {FirstLine(r.Message)} Check {LocalStorage.ConnectionVariable}, or unset it to let mine start Azurite.";
                case HttpRequestException or SocketException:
                    return $"Storage is unreachable: {FirstLine(e.Message)} Check {LocalStorage.ConnectionVariable}, or unset it to let mine start Azurite.";
                case AggregateException { InnerExceptions.Count: > 0 } a when a.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException or SocketException):
                    return $"Storage is unreachable after retries: {FirstLine(a.InnerExceptions[^1].Message)}";
            }
        }
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
