using System.Text;

namespace MineFunctions.Core.Inputs;

/// <summary>
/// RFC 4180 record reader: comma separator, double-quoted fields with "" escapes, quoted fields may
/// span lines, LF or CRLF line ends. Reports the line each record starts on, so errors can point at it.
/// Streams: one record in memory at a time, and that record bounded: more than
/// <see cref="InputLimits.MaxCsvRecords"/> records, <see cref="InputLimits.MaxCsvFields"/> fields in a
/// record or <see cref="InputLimits.MaxCsvFieldChars"/> characters in a field stop the read with a
/// <see cref="CsvFormatException"/> at that line, before the oversized text is held in memory.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line; // number of line ends consumed so far
    private int _records;

    /// <summary>Reads the next record; null at end of input. <paramref name="startLine"/> is 1-based.</summary>
    public List<string>? Next(out int startLine)
    {
        startLine = _line + 1;
        if (_records == InputLimits.MaxCsvRecords && reader.Peek() >= 0)
            throw new CsvFormatException(startLine, $"more than {InputLimits.MaxCsvRecords} records (the limit of a CSV input).");
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (inQuotes) throw new CsvFormatException(startLine, "a quoted field is not closed before the end of the file.");
                if (!any) return null;
                return End(fields, field);
            }
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); Append(field, '"', fields.Count, startLine); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    Append(field, ch, fields.Count, startLine);
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
                    if (fields.Count == InputLimits.MaxCsvFields)
                        throw new CsvFormatException(startLine, $"more than {InputLimits.MaxCsvFields} fields in one record (the limit of a CSV input).");
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    return End(fields, field);
                default:
                    Append(field, ch, fields.Count, startLine);
                    break;
            }
        }
    }

    private List<string> End(List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        _records++;
        return fields;
    }

    private static void Append(StringBuilder field, char ch, int index, int startLine)
    {
        if (field.Length == InputLimits.MaxCsvFieldChars)
            throw new CsvFormatException(startLine, $"field {index + 1} is longer than {InputLimits.MaxCsvFieldChars} characters (the limit of a CSV field).");
        field.Append(ch);
    }
}
