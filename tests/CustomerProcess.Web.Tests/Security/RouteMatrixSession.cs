using System.Net;
using AngleSharp.Html.Parser;
using CustomerProcess.Infrastructure.Seeding;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>
/// One principal of the route matrix: anonymous or a signed-in demo user. The cookies are taken once, at
/// sign-in, and sent by hand on every request; cookies a response sets are ignored, so a row that signs out
/// or switches the culture does not change what the next row sends — except a renewed sign-in cookie, which a
/// browser would keep too (a new authenticator key renews the security stamp and with it the cookie; the old
/// one is refused on the next request, ADR 0015). The antiforgery token belongs to this
/// principal (it is bound to the user) and is read from a page of the app.
/// </summary>
public sealed class RouteMatrixSession(HttpClient http, string name) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private const string AuthCookie = "cp.auth";
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>"anonymous" or the demo user name.</summary>
    public string Name => name;

    public string Token { get; private set; } = "";

    public static async Task<RouteMatrixSession> AnonymousAsync(HttpClient http)
    {
        var session = new RouteMatrixSession(http, "anonymous");
        session.Token = await session.TokenFromAsync("/Account/Login");
        return session;
    }

    public static async Task<RouteMatrixSession> SignInAsync(HttpClient http, string userName, string password = DemoData.Password)
    {
        var session = new RouteMatrixSession(http, userName);
        var loginToken = await session.TokenFromAsync("/Account/Login");
        using var login = await session.SendAsync(HttpMethod.Post, "/Account/Login", [new("UserName", userName), new("Password", password)], loginToken, keepCookies: true);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)login.StatusCode}.");
        }

        session.Token = await session.TokenFromAsync("/");
        return session;
    }

    /// <summary>Sends one request with this principal's cookies; <paramref name="token"/> is added to a POST's form.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form = null, string? token = null, bool keepCookies = false)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (method == HttpMethod.Post)
        {
            var fields = (form ?? []).ToList();
            fields.Add(new("__RequestVerificationToken", token ?? Token));
            request.Content = new FormUrlEncodedContent(fields);
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (cookie, value) = (pair[..eq], pair[(eq + 1)..]);
                if (keepCookies || (cookie == AuthCookie && value.Length > 0 && _cookies.ContainsKey(AuthCookie)))
                {
                    _cookies[cookie] = value;
                }
            }
        }

        return response;
    }

    public void Dispose() => http.Dispose();

    private async Task<string> TokenFromAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url, keepCookies: true);
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{name}: {url} ({(int)response.StatusCode}) has no form with an antiforgery token.");
    }
}
