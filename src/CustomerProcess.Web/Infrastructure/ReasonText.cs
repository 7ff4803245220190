using System.Globalization;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Review reasons in the user's language, amounts formatted per culture, review levels named in the
/// user's language (an argument made by <see cref="LevelArgument"/>).</summary>
public static class ReasonText
{
    private const string LevelPrefix = "Level.";

    public static string Of(IStringLocalizer l, ReviewReason reason) =>
        l[reason.Key, reason.Arguments.Select(a => Format(l, a)).ToArray()];

    public static string Of(IStringLocalizer l, RuleFinding finding) =>
        l[finding.ReasonKey, finding.Arguments.Select(a => Format(l, Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")).ToArray()];

    /// <summary>A review level as a reason's argument (kept as text with the review): its resource key, "Level.Simplified",
    /// shown as 一般合同评审 or "Simplified review".</summary>
    public static string LevelArgument(ReviewLevel level) => LevelPrefix + level;

    /// <summary>"Full countersign review: amount 1,200,000 ≥ 200,000; new customer".</summary>
    public static string Summary(IStringLocalizer l, ReviewLevel level, IEnumerable<string> reasons) =>
        l["Level." + level] + ": " + string.Join("; ", reasons);

    private static object Format(IStringLocalizer l, string argument) =>
        argument.StartsWith(LevelPrefix, StringComparison.Ordinal) && Enum.TryParse<ReviewLevel>(argument[LevelPrefix.Length..], out _)
            ? l[argument].Value
            : decimal.TryParse(argument, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture)
            : argument;
}
