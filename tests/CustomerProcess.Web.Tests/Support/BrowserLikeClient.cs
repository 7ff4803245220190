using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CustomerProcess.Infrastructure.Seeding;

namespace CustomerProcess.Web.Tests.Support;

/// <summary>
/// Posts forms the way a browser does: GET the page, read the antiforgery token from the
/// form, POST the fields with it, keep cookies. Redirects are not followed automatically so
/// tests can see them; <see cref="FollowAsync"/> follows one.
/// </summary>
public sealed class BrowserLikeClient(HttpClient http, string? acceptLanguage) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<Page> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddLanguage(request);
        using var response = await http.SendAsync(request);
        return await Page.FromAsync(response);
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes the token from the form posting to
    /// <paramref name="actionUrl"/> (or the first form with a token) and posts the fields.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? actionUrl = null)
    {
        var page = await GetAsync(pageUrl);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.Status} {page.Location}.");
        }

        var form = page.FormFor(actionUrl);
        var target = actionUrl ?? form.GetAttribute("action") ?? pageUrl;
        return await PostAsync(target, WithHiddenFields(form, fields), TokenOf(form));
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(all) };
        AddLanguage(request);
        using var response = await http.SendAsync(request);
        return await Page.FromAsync(response);
    }

    /// <summary>A token from any page with a form (e.g. the start page's sign-out form).</summary>
    public async Task<string> TokenFromAsync(string pageUrl)
    {
        var page = await GetAsync(pageUrl);
        return TokenOf(page.Document.QuerySelector("form input[name=__RequestVerificationToken]")!.ParentElement!.Closest("form")!);
    }

    public async Task<Page> FollowAsync(Page page)
    {
        var location = page.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)page.Status}.");
        return await GetAsync(location);
    }

    public async Task SignInAsync(string userName, string password = DemoData.Password)
    {
        var result = await SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", password)]);
        if (result.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)result.Status} {result.ErrorText}");
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>The given fields plus the form's hidden fields the test did not set (a browser posts those too,
    /// e.g. the version an edit form was loaded with).</summary>
    private static List<KeyValuePair<string, string>> WithHiddenFields(AngleSharp.Dom.IElement form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        var given = all.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            var name = hidden.GetAttribute("name")!;
            if (name != "__RequestVerificationToken" && !given.Contains(name))
            {
                all.Add(new(name, hidden.GetAttribute("value") ?? ""));
            }
        }

        return all;
    }

    private static string TokenOf(AngleSharp.Dom.IElement form) =>
        form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The form has no antiforgery token.");

    private void AddLanguage(HttpRequestMessage request)
    {
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public sealed record Page(HttpStatusCode Status, string? Location, string Html, IHtmlDocument Document)
    {
        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The validation summary / error texts shown on the page.</summary>
        public string ErrorText => string.Join(" | ", Document.QuerySelectorAll(".errors li, .errors, h1").Select(e => e.TextContent.Trim()));

        public static async Task<Page> FromAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, response.Headers.Location?.OriginalString, html, Parser.ParseDocument(html));
        }

        public AngleSharp.Dom.IElement FormFor(string? actionUrl)
        {
            var forms = Document.QuerySelectorAll("form").Where(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null).ToList();
            var form = actionUrl is null
                ? forms.LastOrDefault(f => f.Id != "culture-form" && f.GetAttribute("action")?.Contains("Logout", StringComparison.Ordinal) != true) ?? forms.FirstOrDefault()
                : forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), actionUrl, StringComparison.OrdinalIgnoreCase));
            return form ?? throw new InvalidOperationException($"No form for {actionUrl ?? "(any)"} on the page.");
        }
    }
}
