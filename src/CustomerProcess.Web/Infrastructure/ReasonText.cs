using System.Globalization;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Review reasons in the user's language, amounts formatted per culture.</summary>
public static class ReasonText
{
    public static string Of(IStringLocalizer l, ReviewReason reason) =>
        l[reason.Key, reason.Arguments.Select(Format).ToArray()];

    public static string Of(IStringLocalizer l, RuleFinding finding) =>
        l[finding.ReasonKey, finding.Arguments.Select(a => Format(Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")).ToArray()];

    /// <summary>"Full countersign review: amount 1,200,000 ≥ 200,000; new customer".</summary>
    public static string Summary(IStringLocalizer l, ReviewLevel level, IEnumerable<string> reasons) =>
        l["Level." + level] + ": " + string.Join("; ", reasons);

    private static object Format(string argument) =>
        decimal.TryParse(argument, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture)
            : argument;
}
