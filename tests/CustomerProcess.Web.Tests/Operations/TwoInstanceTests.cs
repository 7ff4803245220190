using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Infrastructure;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace CustomerProcess.Web.Tests.Operations;

/// <summary>One instance of the app on a real loopback port, on a database file other instances share, with its
/// key ring in the database (not the test hosts' in-memory keys) and the loopback proxy trusted.</summary>
public sealed class InstanceFactory(string databasePath, string name) : AppFactory(databasePath)
{
    public const string InstanceHeader = "X-Test-Instance";

    public const int LoginsPerName = 8;

    public string Name => name;

    protected override bool EphemeralKeys => false;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
        ["Security:LoginLimits:PerUserNamePerMinute"] = LoginsPerName.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Every answer says which instance gave it, so the tests can check the proxy's routing.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new NameHeader(name)));
    }

    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First(a => a.StartsWith("http://", StringComparison.Ordinal))
        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

    private sealed class NameHeader(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Response.Headers[InstanceHeader] = name;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Two instances of the app on one SQLite database behind a loopback reverse proxy (YARP, in process). The proxy
/// sends a request to the instance its <c>X-Instance</c> header names, so a test chooses per request where it
/// goes while every request passes the proxy (forwarded headers from a known proxy).
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"cp-two-{Guid.NewGuid():N}.db");
    private WebApplication? _proxy;

    public TwoInstances()
    {
        A = new InstanceFactory(_databasePath, "a");
        B = new InstanceFactory(_databasePath, "b");
        A.UseKestrel(0);
        B.UseKestrel(0);
    }

    public InstanceFactory A { get; }

    public InstanceFactory B { get; }

    public string ProxyAddress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        A.StartServer(); // migrates the new database and loads the demo data
        B.StartServer(); // finds it migrated

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [Route(A), Route(B)],
            [Cluster(A), Cluster(B)]);
        _proxy = builder.Build();
        _proxy.MapReverseProxy();
        await _proxy.StartAsync();
        ProxyAddress = _proxy.Urls.First();
    }

    private static RouteConfig Route(InstanceFactory instance) => new()
    {
        RouteId = instance.Name,
        ClusterId = instance.Name,
        Match = new RouteMatch
        {
            Path = "{**rest}",
            Headers = [new RouteHeader { Name = InstanceSwitch.Header, Values = [instance.Name], Mode = HeaderMatchMode.ExactHeader }],
        },
    };

    private static ClusterConfig Cluster(InstanceFactory instance) => new()
    {
        ClusterId = instance.Name,
        Destinations = new Dictionary<string, DestinationConfig> { [instance.Name] = new() { Address = instance.Address } },
    };

    /// <summary>A browser-like client (one cookie jar) talking to the proxy; <see cref="InstanceSwitch.Target"/> picks the instance.</summary>
    public (BrowserLikeClient Client, InstanceSwitch Route) ThroughProxy()
    {
        var route = new InstanceSwitch(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
        return (new BrowserLikeClient(new HttpClient(route) { BaseAddress = new Uri(ProxyAddress) }, "en"), route);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>Names the instance a request is for and checks that that instance answered.</summary>
public sealed class InstanceSwitch(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string Header = "X-Instance";

    public string Target { get; set; } = "a";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(Header);
        request.Headers.Add(Header, Target);
        var response = await base.SendAsync(request, cancellationToken);
        var answered = response.Headers.TryGetValues(InstanceFactory.InstanceHeader, out var names) ? names.Single() : "(none)";
        Assert.True(answered == Target, $"{request.RequestUri} was for instance {Target} but {answered} answered ({(int)response.StatusCode}).");
        return response;
    }
}

public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_user_signed_in_through_one_instance_acts_through_the_other()
    {
        var (client, route) = instances.ThroughProxy();
        using var _ = client;
        route.Target = "a";
        await client.SignInAsync("sales");

        route.Target = "b";
        var customers = await client.GetAsync("/Customers");
        Assert.Equal(HttpStatusCode.OK, customers.Status);

        // A form served by A (its antiforgery token) is accepted by B: both read the one key ring in the database.
        route.Target = "a";
        var token = await client.TokenFromAsync("/");
        route.Target = "b";
        var signedOut = await client.PostAsync("/Account/Logout", [], token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        route.Target = "a";
        var afterwards = await client.GetAsync("/Customers");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.Status);
        Assert.Contains("/Account/Login", afterwards.Location, StringComparison.Ordinal);

        Assert.NotEqual(0, await instances.A.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_spread_over_both_instances_lock_the_account_on_both()
    {
        var (client, route) = instances.ThroughProxy();
        using var _ = client;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            route.Target = attempt % 2 == 0 ? "a" : "b";
            var refused = await client.SubmitAsync("/Account/Login", [new("UserName", "legal"), new("Password", "Wrong-Password-2026")]);
            Assert.NotEqual(HttpStatusCode.Redirect, refused.Status);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, refused.Status);
        }

        foreach (var target in new[] { "a", "b" })
        {
            route.Target = target;
            var locked = await client.SubmitAsync("/Account/Login", [new("UserName", "legal"), new("Password", DemoData.Password)]);
            Assert.NotEqual(HttpStatusCode.Redirect, locked.Status);
        }

        var user = await instances.B.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "legal"));
        Assert.NotNull(user.LockoutEnd);
    }

    [Fact]
    public async Task The_per_name_sign_in_limit_is_one_count_shared_by_both_instances()
    {
        var (client, route) = instances.ThroughProxy();
        using var _ = client;
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        for (var attempt = 0; attempt < InstanceFactory.LoginsPerName; attempt++)
        {
            route.Target = attempt % 2 == 0 ? "a" : "b";
            var refused = await client.SubmitAsync("/Account/Login", [new("UserName", name), new("Password", "Wrong-Password-2026")]);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, refused.Status);
        }

        foreach (var target in new[] { "a", "b" })
        {
            route.Target = target;
            var throttled = await client.SubmitAsync("/Account/Login", [new("UserName", name), new("Password", "Wrong-Password-2026")]);
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        }

        var key = name.ToUpperInvariant();
        var row = await instances.A.WithDbAsync(db => db.LoginAttemptWindows.AsNoTracking().SingleAsync(w => w.NameKey == key));
        Assert.Equal(InstanceFactory.LoginsPerName, row.Count);
    }

    [Fact]
    public async Task A_department_renamed_through_one_instance_is_named_so_by_the_other_within_the_cache_bound()
    {
        static async Task<string> NameOnAsync(InstanceFactory instance)
        {
            using var scope = instance.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<DepartmentNames>().AllAsync(CancellationToken.None))["Legal"];
        }

        instances.B.Clock.Advance(CountCache.TimeToLive); // whatever B kept before this test is gone
        var before = await NameOnAsync(instances.B);
        var renamed = "Legal affairs " + Guid.NewGuid().ToString("N")[..6];
        await instances.A.WithDbAsync(db => db.Departments.Where(d => d.Code == "Legal")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NameEn, renamed).SetProperty(d => d.NameZh, renamed)));

        instances.B.Clock.Advance(CountCache.TimeToLive - TimeSpan.FromSeconds(1));
        Assert.Equal(before, await NameOnAsync(instances.B)); // still within the bound: B may show the old name

        instances.B.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(renamed, await NameOnAsync(instances.B)); // at the bound: B reads it again
    }

    [Fact]
    public async Task Heads_signing_one_review_at_once_on_both_instances_lose_no_signature()
    {
        var onA = new ReviewDriver(instances.A);
        var onB = new ReviewDriver(instances.B);
        var customer = await onA.CustomerAsync(CustomerClass.New);
        var reviewId = await onA.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 100, 12_000m));
        string[] viaA = ["Sales", "Quality", "Purchasing"];
        string[] viaB = ["Production", "Technical", "Finance"];
        foreach (var department in viaA)
        {
            await onA.As(ReviewDriver.Heads[department]);
        }

        foreach (var department in viaB)
        {
            await onB.As(ReviewDriver.Heads[department]);
        }

        var signed = await Task.WhenAll(viaA.Select(d => onA.SignAsync(reviewId, d)).Concat(viaB.Select(d => onB.SignAsync(reviewId, d))));

        Assert.All(signed, s => Assert.True(s.Status == HttpStatusCode.Redirect, s.ErrorText));
        var review = await instances.B.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).Include(r => r.Signatures)
            .AsSplitQuery().SingleAsync(r => r.Id == reviewId));
        Assert.All(review.Sections, s => Assert.Equal(SectionStatus.Signed, s.Status));
        Assert.Equal(6, review.Sections.Count);
        Assert.Equal(6, review.Signatures.Count);
    }

    [Fact]
    public async Task A_password_changed_through_one_instance_is_no_longer_accepted_for_a_signature_by_the_other()
    {
        const string NewPassword = "Changed-Password-2026";
        var onA = new ReviewDriver(instances.A);
        var first = await onA.SubmitOrderAsync(ReviewDriver.OrderForm(await onA.CustomerAsync(CustomerClass.New), 100, 12_000m));
        var second = await onA.SubmitOrderAsync(ReviewDriver.OrderForm(await onA.CustomerAsync(CustomerClass.New), 100, 12_000m));

        // B verifies the password in full once and remembers it (10 minutes, ADR 0007).
        using var before = instances.B.CreateBrowserClient();
        await before.SignInAsync("quality");
        Assert.Equal(HttpStatusCode.Redirect, (await SignWithAsync(before, first, "Quality", DemoData.Password)).Status);

        await ChangePasswordOnAsync(instances.A, DemoData.Password, NewPassword);
        try
        {
            using var after = instances.B.CreateBrowserClient();
            await after.SignInAsync("quality", NewPassword);
            var old = await SignWithAsync(after, second, "Quality", DemoData.Password);
            Assert.NotEqual(HttpStatusCode.Redirect, old.Status);
            Assert.Equal(HttpStatusCode.Redirect, (await SignWithAsync(after, second, "Quality", NewPassword)).Status);
        }
        finally
        {
            await ChangePasswordOnAsync(instances.A, NewPassword, DemoData.Password);
        }
    }

    private static async Task ChangePasswordOnAsync(InstanceFactory instance, string current, string next)
    {
        using var scope = instance.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync("quality");
        var changed = await users.ChangePasswordAsync(user!, current, next);
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Description)));
    }

    private static async Task<BrowserLikeClient.Page> SignWithAsync(BrowserLikeClient client, Guid reviewId, string department, string password)
    {
        var page = await client.GetAsync($"/Reviews/{reviewId}");
        var form = page.Document.QuerySelector($"#section-{department} form.sign-form")
            ?? throw new InvalidOperationException($"No sign form for {department}: {(int)page.Status} {page.ErrorText}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var version = page.Document.QuerySelector($"#section-{department} input[name=ContentVersion]")?.GetAttribute("value") ?? "0";
        return await client.PostAsync($"/Reviews/{reviewId}/Sections/{department}/Sign",
            [new("Conclusion", "Accept"), new("Password", password), new("ContentVersion", version), new("Comments", ""), new("Checked", "Capacity and delivery date are achievable")],
            token);
    }
}
