using CustomerProcess.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The one place where a use case's failure becomes a response, by its <see cref="ErrorKind"/>:
/// not found → 404, forbidden → 403, invalid → the form again with the message (422),
/// conflict (someone else changed the record since the form was loaded) → the form again with the message (409),
/// too many attempts (the per-name sign-in limit) → the form again with the message (429). Controllers call this and nothing else.
/// </summary>
public static class UseCaseResponses
{
    /// <summary>Success → <paramref name="success"/>; failure → by kind, with <paramref name="redisplay"/>
    /// showing the form again (the error is already in ModelState and the status code is set).</summary>
    public static async Task<IActionResult> Respond(
        this Controller controller, Result result, Func<IActionResult> success, Func<Task<IActionResult>> redisplay, IStringLocalizer localizer)
    {
        if (result.Succeeded)
        {
            return success();
        }

        return await Failed(controller, result.Error!, redisplay, localizer);
    }

    public static async Task<IActionResult> Respond<T>(
        this Controller controller, Result<T> result, Func<T, IActionResult> success, Func<Task<IActionResult>> redisplay, IStringLocalizer localizer)
    {
        if (result.Succeeded)
        {
            return success(result.Value!);
        }

        return await Failed(controller, result.Error!, redisplay, localizer);
    }

    /// <summary>An edit form's save (products, departments, users: the one concurrency policy): invalid input → the form
    /// again; saved → the list with "The changes were saved."; refused → by kind, a stale save answering 409 with the form
    /// and the conflict box (<paramref name="redisplay"/>, through <see cref="EditConflicts.ShowWhenStaleAsync"/>).</summary>
    public static async Task<IActionResult> RespondToEdit(
        this Controller controller, Func<Task<Result>> save, Func<Task<IActionResult>> redisplay, IStringLocalizer localizer) =>
        !controller.ModelState.IsValid
            ? await redisplay()
            : await controller.Respond(
                await save(),
                () =>
                {
                    controller.TempData["Message"] = localizer["The changes were saved."].Value;
                    return controller.RedirectToAction("Index");
                },
                redisplay,
                localizer);

    /// <summary>For actions whose form lives on another page (a button on a details page): success and
    /// business failures both redirect there with the message (TempData "Message" or "Error").</summary>
    public static Task<IActionResult> RespondByRedirect(
        this Controller controller, Result result, string successMessage, Func<IActionResult> redirect, IStringLocalizer localizer) =>
        controller.Respond(
            result,
            () =>
            {
                controller.TempData["Message"] = successMessage;
                return redirect();
            },
            () =>
            {
                controller.TempData["Error"] = result.Error!.Localize(localizer);
                return Task.FromResult(redirect());
            },
            localizer);

    public static async Task<IActionResult> Failed(this Controller controller, DomainError error, Func<Task<IActionResult>> redisplay, IStringLocalizer localizer)
    {
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return controller.NotFound();
            case ErrorKind.Forbidden:
                return controller.Forbid();
            case ErrorKind.Invalid:
            case ErrorKind.Conflict:
            case ErrorKind.TooManyAttempts:
                controller.ModelState.AddDomainError(error, localizer);
                var response = await redisplay();
                if (controller.Response.StatusCode == StatusCodes.Status200OK && response is not RedirectToActionResult and not RedirectResult)
                {
                    controller.Response.StatusCode = error.Kind switch
                    {
                        ErrorKind.Conflict => StatusCodes.Status409Conflict,
                        ErrorKind.TooManyAttempts => StatusCodes.Status429TooManyRequests,
                        _ => StatusCodes.Status422UnprocessableEntity,
                    };
                }

                return response;
        }

        throw new InvalidOperationException($"Unknown error kind {error.Kind}.");
    }
}
