using System.Text;

namespace MineFunctions.Core.Inputs;

/// <summary>
/// RFC 4180 record reader: comma separator, double-quoted fields with "" escapes, quoted fields may
/// span lines, LF or CRLF line ends. Reports the line each record starts on, so errors can point at it.
/// Streams: one record in memory at a time.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line; // number of line ends consumed so far

    /// <summary>Reads the next record; null at end of input. <paramref name="startLine"/> is 1-based.</summary>
    public List<string>? Next(out int startLine)
    {
        startLine = _line + 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (inQuotes) throw new FormatException($"line {startLine}: a quoted field is not closed before the end of the file.");
                if (!any) return null;
                fields.Add(field.ToString());
                return fields;
            }
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(ch);
                    break;
            }
        }
    }
}
