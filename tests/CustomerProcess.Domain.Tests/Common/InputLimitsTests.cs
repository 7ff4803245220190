using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Tests.Common;

public sealed class InputLimitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2026-11-23", true)]
    [InlineData("2036-11-23", true)]
    [InlineData("2036-11-24", false)]
    [InlineData("9999-12-31", false)]
    public void A_date_is_sane_from_2000_until_ten_years_after_today(string date, bool sane) =>
        Assert.Equal(sane, InputLimits.IsSaneDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today));
}
