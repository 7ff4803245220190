using System.ComponentModel.DataAnnotations;
using CustomerProcess.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Home;

[Authorize]
public sealed class HomeController : Controller
{
    /// <summary>The start page per role (issue #17 item 3): what waits on me, what I started, my figures; with the count of the
    /// user's special-requirement cases overdue or due soon (docs/process.md §10).</summary>
    public async Task<IActionResult> Index(
        [FromServices] Features.SpecialRequirements.CaseQueries cases, [FromServices] Features.Dashboards.HomeDashboardQuery dashboard, CancellationToken cancellationToken)
    {
        ViewData["CaseReminders"] = await cases.ReminderCountAsync(User, cancellationToken);
        return View(await dashboard.LoadAsync(User, cancellationToken));
    }
}

/// <summary>Generic error pages: no stack trace, a correlation id to quote to IT.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorController(IStringLocalizer<SharedResource> l, ILogger<ErrorController> logger) : Controller
{
    [Route("/Error")]
    public IActionResult Index()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
        {
            logger.LogError(feature.Error, "Unhandled exception on {Path}, correlation id {CorrelationId}", feature.Path, HttpContext.TraceIdentifier);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new Infrastructure.ErrorViewModel(
            l["Something went wrong"], l["The error was recorded. Please try again, or quote the correlation id to IT."], HttpContext.TraceIdentifier));
    }

    /// <summary>The code is read from the route, not bound: binding would read a posted body again, and a body that
    /// could not be read the first time left the code 0 and the reply without a status.</summary>
    [Route("/Error/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c)
            && c is >= 400 and <= 599 ? c : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        var (title, message) = code switch
        {
            StatusCodes.Status403Forbidden => (l["Access denied"], l["You do not have permission to open this page or perform this action."]),
            StatusCodes.Status404NotFound => (l["Not found"], l["The page or record does not exist."]),
            StatusCodes.Status429TooManyRequests => (l["Too many attempts"], l["Too many requests in a short time. Please wait a minute and try again."]),
            StatusCodes.Status400BadRequest => (l["Bad request"], l["The form could not be accepted. Reload the page and try again."]),
            _ => (l["Error"], l["The request could not be completed."]),
        };
        return View("Error", new Infrastructure.ErrorViewModel(title, message, HttpContext.TraceIdentifier));
    }
}

/// <summary>Language switch in the header, remembered in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    private const int CultureNameLength = 16;

    [HttpPost]
    public IActionResult Set([MaxLength(CultureNameLength)] string culture, [MaxLength(InputLimits.UrlLength)] string? returnUrl)
    {
        if (!Infrastructure.CustomerProcessSetup.SupportedCultures.Any(c => c.Name == culture))
        {
            culture = "zh-CN";
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(EncodeForLocation(Url.IsLocalUrl(returnUrl) ? returnUrl : "/"));
    }

    /// <summary>A Location header holds ASCII only: anything else in the address is percent-encoded as UTF-8.</summary>
    private static string EncodeForLocation(string url)
    {
        var encoded = new System.Text.StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
