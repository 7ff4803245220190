using System.Globalization;
using CustomerProcess.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Length rules for form fields with the one general message (fields with a message of their own
/// use <c>MaximumLength(...).WithMessage(...)</c> directly). The limit is always the column's constant.</summary>
public static class InputRules
{
    // Oblivious to nullability, like FluentValidation's own MaximumLength: serves string and string? alike.
#nullable disable
    public static IRuleBuilderOptions<T, string> MaxLength<T>(this IRuleBuilder<T, string> rule, int maximum, IStringLocalizer l) =>
        rule.MaximumLength(maximum).WithMessage(_ => l["A text is too long (at most {0} characters).", maximum]);
#nullable restore

    /// <summary>A date typed into a form must lie in the one sane window (<see cref="InputLimits.IsSaneDate"/>):
    /// 2000-01-01 up to ten years after today (China time).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InSaneWindow<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock, IStringLocalizer l) =>
        rule.Must(date => date is null || InputLimits.IsSaneDate(date.Value, Today(clock))).WithMessage(_ => WindowMessage(clock, l));

    /// <summary>A local date and time typed into a form: its date must lie in the sane window.</summary>
    public static IRuleBuilderOptions<T, DateTime?> InSaneWindow<T>(this IRuleBuilder<T, DateTime?> rule, TimeProvider clock, IStringLocalizer l) =>
        rule.Must(time => time is null || InputLimits.IsSaneDate(DateOnly.FromDateTime(time.Value), Today(clock))).WithMessage(_ => WindowMessage(clock, l));

    /// <summary>Today in China time, the zone every form date is typed in.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime);

    public static string WindowMessage(TimeProvider clock, IStringLocalizer l) =>
        l["The date must lie between {0} and {1}.",
            InputLimits.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            InputLimits.LatestDate(Today(clock)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
}
