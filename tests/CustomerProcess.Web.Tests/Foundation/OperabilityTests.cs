using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>A controller that only the test host has, to see what a bug looks like to a user.</summary>
public sealed class BoomController : Controller
{
    [HttpGet("/test/boom")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "MVC action")]
    public IActionResult Boom() => throw new InvalidOperationException("secret internal detail");
}

public sealed class BoomFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddControllersWithViews().AddApplicationPart(typeof(BoomController).Assembly));
    }
}

public sealed class OperabilityTests(BoomFactory app) : IClassFixture<BoomFactory>
{
    [Fact]
    public async Task An_unhandled_error_shows_a_generic_page_with_a_correlation_id_and_no_stack_trace()
    {
        using var client = app.CreateBrowserClient();
        var page = await client.GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.DoesNotContain("secret internal detail", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("#correlation-id")?.TextContent));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = app.CreateBrowserClient();
        var response = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var client = app.CreateBrowserClient();
        var response = await client.Http.GetAsync("/Account/Login");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task An_unknown_record_is_a_404_page_in_the_users_language()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("sales");
        var page = await client.GetAsync($"/Customers/Details/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面或记录不存在。", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_the_header_switch_is_remembered()
    {
        using var client = app.CreateBrowserClient("en-US,en;q=0.9");
        var english = await client.GetAsync("/Account/Login");
        Assert.Equal("Sign in", english.Document.QuerySelector("h1")!.TextContent.Trim());

        var switched = await client.SubmitAsync("/Account/Login", [new("culture", "zh-CN"), new("returnUrl", "/Account/Login")], "/Culture/Set");
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);

        var chinese = await client.GetAsync("/Account/Login");
        Assert.Equal("登录", chinese.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_culture_switch_never_redirects_off_site()
    {
        using var client = app.CreateBrowserClient();
        var switched = await client.SubmitAsync("/Account/Login", [new("culture", "en"), new("returnUrl", "https://evil.example/")], "/Culture/Set");
        Assert.Equal("/", switched.Location);
    }

    [Fact]
    public async Task A_business_record_cannot_be_hard_deleted()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = new Customer("DEL-" + Guid.NewGuid().ToString("N")[..6], "To delete", CustomerClass.Prospect, null);
        customer.UpdateDetails("To delete", null, null, null, null, 30, null);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        db.Customers.Remove(customer);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("cannot be deleted", error.Message, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(d => d.Customers.AnyAsync(c => c.Id == customer.Id)));
    }
}
