using System.Net;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>The app behind a reverse proxy at 10.0.0.1 (the only configured proxy). Each request says which peer
/// address it comes from in <c>X-Test-Peer</c>, which a test-only start-up filter turns into the connection's
/// remote address before the app's own pipeline runs.</summary>
public class ProxyAppFactory : AppFactory
{
    public const string Proxy = "10.0.0.1";
    public const string PeerHeader = "X-Test-Peer";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ReverseProxy:KnownProxies:0"] = Proxy,
        ["Security:LoginLimits:PerAddressPerMinute"] = "2",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    public HttpClient Client(string peer, string host = "cp.example.com")
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        client.DefaultRequestHeaders.Host = host;
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ProductionProxyAppFactory : ProxyAppFactory
{
    protected override string Environment => "Production";
}

/// <summary>The default settings: no proxy configured, so no peer is one.</summary>
public sealed class NoProxyAppFactory : ProxyAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginLimits:PerAddressPerMinute"] = "2",
    };
}

/// <summary>Finding 6 of issue #21 (forwarded headers, Secure cookies, HSTS, the login limit behind a proxy) and the
/// Server header of finding 13.</summary>
public sealed class ProxyHeaderTests(ProxyAppFactory app) : IClassFixture<ProxyAppFactory>
{
    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("UserName", "nobody"), new("Password", "wrong-password")]),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_request_forwarded_as_HTTPS_by_the_configured_proxy_gets_Secure_cookies()
    {
        using var client = app.Client(ProxyAppFactory.Proxy);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.10");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(CookiesOf(response), c => c.StartsWith("cp.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_language_cookie_is_Secure_when_the_proxy_forwarded_HTTPS()
    {
        using var client = app.Client(ProxyAppFactory.Proxy);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Culture/Set")
        {
            Content = new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" } } });
        var antiforgeryCookie = CookiesOf(page).Single(c => c.StartsWith("cp.af=", StringComparison.Ordinal)).Split(';')[0];
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        request.Headers.Add("Cookie", antiforgeryCookie);
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var culture = Assert.Single(CookiesOf(response), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("secure", culture, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forwarded_protocol_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        using var client = app.Client("198.51.100.7");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        var antiforgery = Assert.Single(CookiesOf(response), c => c.StartsWith("cp.af=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_the_configured_proxy_the_login_limit_counts_each_forwarded_client_separately()
    {
        using var client = app.Client(ProxyAppFactory.Proxy);
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client, "203.0.113.21")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client, "203.0.113.21")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client, "203.0.113.22")).StatusCode);
    }

    [Fact]
    public async Task A_spoofed_forwarded_address_from_an_untrusted_peer_does_not_escape_the_login_limit()
    {
        using var client = app.Client("198.51.100.33");
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client, $"203.0.113.{40 + i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client, "203.0.113.99")).StatusCode);
    }
}

public sealed class ProductionProxyHeaderTests(ProductionProxyAppFactory app) : IClassFixture<ProductionProxyAppFactory>
{
    [Fact]
    public async Task In_production_a_request_forwarded_as_HTTPS_gets_HSTS()
    {
        using var client = app.Client(ProxyAppFactory.Proxy);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task In_production_cookies_are_always_Secure()
    {
        using var client = app.Client("198.51.100.50");

        using var response = await client.GetAsync("/Setup");

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Without a configured proxy (the default) forwarded headers are believed from no one — the framework's
/// middleware, given empty lists, would believe them from everyone.</summary>
public sealed class NoProxyHeaderTests(NoProxyAppFactory app) : IClassFixture<NoProxyAppFactory>
{
    [Fact]
    public async Task A_forwarded_protocol_is_ignored_when_no_proxy_is_configured()
    {
        using var client = app.Client("198.51.100.60");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("cp.af=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forwarded_client_address_does_not_escape_the_login_limit_when_no_proxy_is_configured()
    {
        using var client = app.Client("198.51.100.61");
        for (var i = 0; i < 2; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent([new("UserName", "nobody")]) };
            attempt.Headers.Add("X-Forwarded-For", $"203.0.113.{70 + i}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(attempt)).StatusCode);
        }

        using var third = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent([new("UserName", "nobody")]) };
        third.Headers.Add("X-Forwarded-For", "203.0.113.79");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(third)).StatusCode);
    }
}
