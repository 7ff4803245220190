using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Setup;

/// <summary>One-time creation of the first administrator when no user exists (Production).</summary>
[AllowAnonymous]
public sealed class SetupController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromServices] CreateFirstAdministrator.Handler handler, CancellationToken cancellationToken) =>
        await handler.IsOpenAsync(cancellationToken) ? View(new CreateFirstAdministrator.Input()) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Index(CreateFirstAdministrator.Input input, [FromServices] CreateFirstAdministrator.Handler handler, CancellationToken cancellationToken) =>
        !await handler.IsOpenAsync(cancellationToken) ? NotFound()
        : !ModelState.IsValid ? View(input)
        : await this.Respond(
            await handler.HandleAsync(input, cancellationToken),
            () =>
            {
                TempData["Message"] = l["The administrator account was created. Please sign in."].Value;
                return Redirect("/Account/Login");
            },
            () => Task.FromResult<IActionResult>(View(input)),
            l);
}
