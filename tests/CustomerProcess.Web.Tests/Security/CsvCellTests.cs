using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>The one function every CSV and Excel export sends its text cells through (finding 5 of issue #21).</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("=", "'=")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("上海东方机械有限公司", "上海东方机械有限公司")]
    public void A_cell_that_would_start_a_formula_is_prefixed_with_a_quote(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Cell(value));
    }

    [Fact]
    public void A_csv_field_is_neutralised_before_it_is_quoted()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"", SpreadsheetText.CsvField("=HYPERLINK(\"http://evil.example/\",\"x\")"));
        Assert.Equal("\"'\r=1\"", SpreadsheetText.CsvField("\r=1"));
        Assert.Equal("", SpreadsheetText.CsvField(null));
    }
}
