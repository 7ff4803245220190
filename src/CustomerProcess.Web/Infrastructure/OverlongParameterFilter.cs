using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The small forms post a string straight into an action parameter (a reason, a note). Such a parameter
/// carries <c>[MaxLength]</c> with its column's constant; a longer value is refused here, before the
/// action runs, with the same message the validators give (400: the form has no page of its own to show it on).
/// </summary>
public sealed class OverlongParameterFilter(IStringLocalizer<SharedResource> l) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>())
        {
            if (parameter.ParameterInfo.GetCustomAttribute<MaxLengthAttribute>() is { } limit
                && context.ActionArguments.TryGetValue(parameter.Name, out var value)
                && value is string text && text.Length > limit.Length)
            {
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status400BadRequest,
                    ContentType = "text/plain; charset=utf-8",
                    Content = l["A text is too long (at most {0} characters).", limit.Length],
                };
                return;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
