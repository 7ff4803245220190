using CustomerProcess.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

public static class DomainErrorExtensions
{
    /// <summary>The error's message in the user's language; enum arguments are localized too.</summary>
    public static string Localize(this DomainError error, IStringLocalizer localizer) =>
        localizer[error.MessageKey, error.Arguments.Select(a => a is Enum e ? (object)localizer[e.ToString()].Value : a).ToArray()];

    public static void AddDomainError(this ModelStateDictionary modelState, DomainError error, IStringLocalizer localizer) =>
        modelState.AddModelError("", error.Localize(localizer));
}
