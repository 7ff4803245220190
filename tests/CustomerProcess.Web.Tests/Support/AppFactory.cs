using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Web.Tests.Support;

/// <summary>
/// The real app on its own SQLite file, migrated by the real migration set at start-up.
/// Development environment (demo users) unless told otherwise; a fake clock tests can move.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;

    public AppFactory()
        : this(Path.Combine(Path.GetTempPath(), $"cp-test-{Guid.NewGuid():N}.db"))
    {
    }

    /// <summary>An app on the given database file (several instances may share one).</summary>
    protected AppFactory(string databasePath) => _databasePath = databasePath;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    protected virtual string Environment => "Development";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Keys in memory, per test host (default); false keeps the app's own key ring in the database.</summary>
    protected virtual bool EphemeralKeys => true;

    /// <summary>Where the test clients send requests: HTTPS in Production, whose cookies are always Secure (a cookie
    /// container sends them back only over HTTPS).</summary>
    protected virtual Uri ClientBaseAddress => new(Environment == "Production" ? "https://localhost" : "http://localhost");

    public string DatabasePath => _databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "cp-tests", "log-.txt"));
        builder.UseSetting("Security:LoginLimits:PerUserNamePerMinute", "1000");
        builder.UseSetting("Security:LoginLimits:PerAddressPerMinute", "1000");
        builder.UseSetting("Security:SurveyRequestsPerMinute", "1000");
        // The notification scheduler runs when a test runs it (ScheduledWork.RunOnceAsync); mail never leaves the test.
        builder.UseSetting("Notifications:SchedulerEnabled", "false");
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "cp-tests", "mail-pickup"));
        // The demo business records (orders, contracts, complaints…) stay out of tests unless a test's factory turns them on.
        builder.UseSetting("DemoData:BusinessRecords", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (EphemeralKeys)
            {
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
            }

            // Every query a test makes the app compile is also compiled for SQL Server (no server needed).
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(SqlServerTranslationCheck.Instance));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A scope on the app's services, for checking what the database holds.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public BrowserLikeClient CreateBrowserClient(string? acceptLanguage = "en") => new(NewHttpClient(), acceptLanguage);

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them). When the app is
    /// served on a real port (browser tests use Kestrel), it talks to that port, so browser tests can prepare
    /// data with the same HTTP-level drivers.</summary>
    private HttpClient NewHttpClient()
    {
        if (Services.GetRequiredService<IServer>() is TestServer)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });
        }

        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal))
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(address),
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_databasePath + suffix);
                }
                catch (IOException)
                {
                    // best effort: temp files
                }
            }
        }
    }
}

/// <summary>Production mode: no demo data, the setup page is open until the first user exists.</summary>
public sealed class ProductionAppFactory : AppFactory
{
    protected override string Environment => "Production";

    // The first administrator would be sent to set up an authenticator app; Security/TwoFactorTests cover that.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForRoles"] = "" };
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
