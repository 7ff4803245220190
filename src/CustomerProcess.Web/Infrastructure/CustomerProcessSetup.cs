using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Everything Program.cs wires up, in one place so tests and the app share it.</summary>
public static class CustomerProcessSetup
{
    public const string LoginRateLimitPolicy = "login";
    public const string SurveyRateLimitPolicy = "survey";

    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddCustomerProcess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext());

        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        services.AddAppDatabase(configuration);
        services.AddPdf(configuration);

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = PasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = PasswordPolicy.LockoutDuration;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<RevocationOptions>(configuration.GetSection("Security:Revocation"));
        services.AddSingleton<UserVersions>();
        services.AddSingleton<TwoFactorRequirement>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "cp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnValidatePrincipal = SecurityStampCheck.ValidatePrincipalAsync;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A forbidden request is answered with 403 and the localized error page, not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<MalformedFormFilter>();
                options.ModelMetadataDetailsProviders.Add(new NonNullableStringMetadataProvider());
                options.Filters.Add<OverlongParameterFilter>();
                // Required-ness comes from the FluentValidation rules, with localized messages.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None });
            })
            .AddViewLocalization()
            .AddRazorOptions(options =>
            {
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });
        services.Replace(ServiceDescriptor.Singleton<IHtmlGenerator, CspSafeHtmlGenerator>());
        // Chinese (and every other script) is written as UTF-8 text, not as one numeric entity per character; the
        // encoder still encodes markup (<, >, &, quotes) everywhere Razor writes text (#20 item 4, docs/adr/0039).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustBeANumberAccessor(_ => l["Enter a number."]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => l["The value is not valid."]);
            messages.SetValueIsInvalidAccessor(_ => l["The value is not valid."]);
            messages.SetUnknownValueIsInvalidAccessor(_ => l["The value is not valid."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["The value is not valid."]);
            messages.SetValueMustNotBeNullAccessor(_ => l["A value is required."]);
            messages.SetMissingBindRequiredValueAccessor(_ => l["A value is required."]);
        });
        services.AddAntiforgery(options => options.Cookie.Name = "cp.af");
        // Pages, styles and scripts go out as Brotli or gzip when the browser accepts it, also over HTTPS: the only
        // secret in a page body, the antiforgery token, is encrypted afresh for every response (docs/adr/0040).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddFluentValidationAutoValidation();
        ValidatorOptions.Global.LanguageManager.Enabled = true;

        services.Configure<LoginLimits>(configuration.GetSection("Security:LoginLimits"));
        var loginLimits = configuration.GetSection("Security:LoginLimits").Get<LoginLimits>() ?? new LoginLimits();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = loginLimits.PerAddressPerMinute,
                    Window = PasswordPolicy.LoginWindow,
                    QueueLimit = 0,
                }));
            // The public survey link: no account, so limit guessing per client address.
            var surveyLimit = configuration.GetValue("Security:SurveyRequestsPerMinute", 20);
            options.AddPolicy(SurveyRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = surveyLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddScoped<LoginThrottle>();
        services.Configure<Features.Complaints.ComplaintOptions>(configuration.GetSection("Complaints"));
        services.Configure<Features.SpecialRequirements.SpecialRequirementOptions>(configuration.GetSection("SpecialRequirements"));
        // Retention periods (ADR 0041): a period below three years stops the start here.
        services.AddSingleton(Features.Retention.RetentionSettings.Load(configuration));
        services.AddSingleton<SetupGate>();
        services.AddSingleton<CountCache>();
        services.AddSingleton<SignatureCredentialCache>();
        services.AddSingleton<UserLocks>();
        services.AddScoped<SignatureCredentials>();

        AddReverseProxy(services, configuration, builder.Environment);

        services.AddCustomerProcessHealthChecks();
        // The key ring (sign-in and antiforgery cookies) in the database: every instance on it reads the same keys
        // and a cookie issued by one is accepted by the others (ADR 0022). AES-256-GCM instead of the default AES-CBC +
        // HMAC: every signed-in page opens two cookies and seals one token; 1.52 -> 1.34 ms of CPU per ledger page (ADR 0044).
        services.AddDataProtection()
            .SetApplicationName("CustomerProcess")
            .PersistKeysToDbContext<AppDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        services.AddCustomerProcessFeatures();
        return builder;
    }

    /// <summary>
    /// Behind a reverse proxy the connection comes from the proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
    /// give the client's address (which the login and survey limits count per) and whether it used HTTPS (Secure
    /// cookies, HSTS). They are believed only from the addresses in <c>ReverseProxy:KnownProxies</c> and the
    /// networks (CIDR) in <c>ReverseProxy:KnownNetworks</c>; both empty (the default) trusts no one, so a client
    /// cannot forge them. Cookies are Secure whenever the request is HTTPS, and always in Production.
    /// </summary>
    private static void AddReverseProxy(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = null; // walk back through every trusted proxy, stop at the first address that is not one
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
    }

    public static WebApplication UseCustomerProcess(this WebApplication app)
    {
        // Only with a configured proxy: given empty lists, the framework's middleware believes the headers from anyone.
        var forwarding = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarding.KnownProxies.Count > 0 || forwarding.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseCookiePolicy();
        app.UseExceptionHandler("/Error");
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("CorrelationId", http.TraceIdentifier);
                diagnostics.Set("User", http.User.Identity?.Name ?? "-");
            };
            // No line per static file or health probe (they have no MVC endpoint); failures are still logged.
            options.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : (http.GetEndpoint() is null && http.Response.StatusCode < 400) || (HealthEndpoints.IsProbe(http) && http.Response.StatusCode < 400)
                    ? Serilog.Events.LogEventLevel.Verbose
                    : Serilog.Events.LogEventLevel.Information;
        });
        app.UseMiddleware<ClientAbortMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<LogContextMiddleware>();
        app.UseMiddleware<SetupGateMiddleware>();
        app.UseMiddleware<Features.Account.PasswordChangeRequirementMiddleware>();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseAuthorization();

        app.MapCustomerProcessHealth();
        foreach (var added in app.Services.GetServices<IAddedEndpoints>())
        {
            added.Map(app);
        }

        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }
}
