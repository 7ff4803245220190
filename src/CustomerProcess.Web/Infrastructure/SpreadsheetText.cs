using System.Globalization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Text cells of every CSV and Excel export go through here. A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return would be run as a formula by Excel or LibreOffice when the file is opened
/// (<c>=HYPERLINK(…)</c> in a survey comment from the public link, a customer name): it is prefixed with a single
/// quote, as OWASP recommends for CSV injection. Plain numbers (a negative amount) are left alone.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text of one cell, neutralised.</summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length == 0 || Array.IndexOf(FormulaStarts, value[0]) < 0
            || decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        return "'" + value;
    }

    /// <summary>One CSV field: neutralised, and quoted when needed (RFC 4180).</summary>
    public static string CsvField(string? value)
    {
        var cell = Cell(value);
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
