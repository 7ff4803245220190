using System.Globalization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Culture-aware display of money and times. Stored times are UTC; users see China time.</summary>
public static class Formatting
{
    public static readonly TimeZoneInfo DisplayZone = FindZone();

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Money(decimal amount, string currency = "CNY")
    {
        var culture = CultureInfo.CurrentCulture;
        var number = amount.ToString("N2", culture);
        if (currency == "CNY")
        {
            return IsChinese ? $"¥{number}" : $"CNY {number}";
        }

        return $"{currency} {number}";
    }

    public static string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DisplayZone)
            .ToString(IsChinese ? "yyyy-MM-dd HH:mm" : "d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>A local (China) date-time typed into a form, as UTC for storage.</summary>
    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DisplayZone);

    public static string Date(DateOnly date) =>
        date.ToString(IsChinese ? "yyyy-MM-dd" : "d MMM yyyy", CultureInfo.CurrentCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "CST", "CST");
        }
    }
}
