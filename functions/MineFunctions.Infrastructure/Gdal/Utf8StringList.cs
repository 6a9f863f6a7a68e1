using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// A GDAL <c>char**</c> list (creation options, open options, utility argv) built by hand: a
/// null-terminated array of UTF-8 strings in native memory, freed on dispose. GDAL only reads it.
/// </summary>
internal sealed class Utf8StringList : IDisposable
{
    private readonly IntPtr[] _strings;
    private IntPtr _array;

    public Utf8StringList(IEnumerable<string> items)
    {
        _strings = items.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        _array = Marshal.AllocCoTaskMem(IntPtr.Size * (_strings.Length + 1));
        for (var i = 0; i < _strings.Length; i++) Marshal.WriteIntPtr(_array, i * IntPtr.Size, _strings[i]);
        Marshal.WriteIntPtr(_array, _strings.Length * IntPtr.Size, IntPtr.Zero);
    }

    /// <summary>Builds KEY=VALUE pairs.</summary>
    public static Utf8StringList FromPairs(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(p => $"{p.Key}={p.Value}"));

    public IntPtr Pointer => _array != IntPtr.Zero ? _array : throw new ObjectDisposedException(nameof(Utf8StringList));

    public void Dispose()
    {
        if (_array == IntPtr.Zero) return;
        foreach (var s in _strings) Marshal.FreeCoTaskMem(s);
        Marshal.FreeCoTaskMem(_array);
        _array = IntPtr.Zero;
    }

    /// <summary>Copies a GDAL-owned <c>char**</c> (never freed here) into managed strings.</summary>
    internal static List<string> Read(IntPtr list)
    {
        var result = new List<string>();
        if (list == IntPtr.Zero) return result;
        for (var i = 0; ; i++)
        {
            var p = Marshal.ReadIntPtr(list, i * IntPtr.Size);
            if (p == IntPtr.Zero) break;
            result.Add(Marshal.PtrToStringUTF8(p) ?? "");
        }
        return result;
    }
}
