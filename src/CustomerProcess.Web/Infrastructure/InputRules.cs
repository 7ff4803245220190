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
}
