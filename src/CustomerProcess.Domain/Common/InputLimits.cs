namespace CustomerProcess.Domain.Common;

/// <summary>
/// Limits shared by the EF configuration and the form validators that do not belong to one entity
/// (entity text columns keep their own constants, e.g. <c>SalesOrder.ShortTextLength</c>): one constant,
/// used by both, so a form refuses what the column could not hold.
/// </summary>
public static class InputLimits
{
    /// <summary>Identity's user key column (also every <c>…UserId</c> column that refers to it).</summary>
    public const int UserIdLength = 450;

    /// <summary>Identity's user name column.</summary>
    public const int UserNameLength = 256;

    /// <summary>Identity's concurrency stamp carried through the user form (a GUID string).</summary>
    public const int StampLength = 64;

    /// <summary>A local return address carried through a form (sign-in, uploads).</summary>
    public const int UrlLength = 2048;

    /// <summary>The earliest business date accepted from a form (complaint received, invoice date, delegation days…).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>How far ahead of today a business date may lie.</summary>
    public const int YearsAhead = 10;

    /// <summary>The last date accepted when today is <paramref name="today"/>.</summary>
    public static DateOnly LatestDate(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>True when <paramref name="date"/> lies in the sane window [2000-01-01, today + 10 years].</summary>
    public static bool IsSaneDate(DateOnly date, DateOnly today) => date >= EarliestDate && date <= LatestDate(today);
}
