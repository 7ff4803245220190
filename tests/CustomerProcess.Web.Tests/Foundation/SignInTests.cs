using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFactory app)
{
    [Fact]
    public async Task Sign_in_with_the_demo_password_reaches_the_start_page()
    {
        using var client = app.CreateBrowserClient();
        var result = await client.SubmitAsync("/Account/Login", [new("UserName", "sales"), new("Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var home = await client.FollowAsync(result);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Welcome, 王销售 Wang (Sales)", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_shows_a_message_and_no_cookie()
    {
        using var client = app.CreateBrowserClient();
        var result = await client.SubmitAsync("/Account/Login", [new("UserName", "finance"), new("Password", "wrong-password-123")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("The user name or password is not correct.", result.ErrorText, StringComparison.Ordinal);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.StartsWith("/Account/Login", new Uri(new Uri("http://x"), home.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var userName = await CreateUserAsync("lockme", Roles.Sales);
        using var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt <= PasswordPolicy.MaxFailedAttempts; attempt++)
        {
            var failed = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", "not-the-password")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.Status);
        }

        var locked = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.Status);
        Assert.Contains("locked", locked.ErrorText, StringComparison.Ordinal);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_account()
    {
        var userName = await CreateUserAsync("fourfails", Roles.Sales);
        using var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt < PasswordPolicy.MaxFailedAttempts; attempt++)
        {
            await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", "not-the-password")]);
        }

        var result = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var userName = await CreateUserAsync("leaver", Roles.Sales);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.IsActive = false;
            await users.UpdateAsync(user);
        }

        using var client = app.CreateBrowserClient();
        var result = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("The user name or password is not correct.", result.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateBrowserClient();
        var result = await client.PostAsync("/Account/Login", [new("UserName", "sales"), new("Password", DemoData.Password)], token: null);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
    }

    private async Task<string> CreateUserAsync(string prefix, string role)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }
}

public sealed class LoginRateLimitFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginLimits:PerUserNamePerMinute"] = "3",
    };
}

public sealed class LoginRateLimitTests(LoginRateLimitFactory app) : IClassFixture<LoginRateLimitFactory>
{
    [Fact]
    public async Task Attempts_past_the_per_name_limit_are_refused_with_429()
    {
        using var client = app.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.SubmitAsync("/Account/Login", [new("UserName", "gm"), new("Password", "wrong-password-xx")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.Status);
        }

        var refused = await client.SubmitAsync("/Account/Login", [new("UserName", "GM"), new("Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many sign-in attempts", refused.ErrorText, StringComparison.Ordinal);
    }
}

public sealed class AddressRateLimitFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginLimits:PerAddressPerMinute"] = "4",
    };
}

public sealed class AddressRateLimitTests(AddressRateLimitFactory app) : IClassFixture<AddressRateLimitFactory>
{
    [Fact]
    public async Task Login_posts_past_the_per_address_limit_are_refused_with_429_whatever_the_user_name()
    {
        using var client = app.CreateBrowserClient();
        for (var i = 0; i < 4; i++)
        {
            var allowed = await client.SubmitAsync("/Account/Login", [new("UserName", "user" + i), new("Password", "wrong-password-xx")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.Status);
        }

        var refused = await client.SubmitAsync("/Account/Login", [new("UserName", "sales"), new("Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many requests", refused.Text, StringComparison.Ordinal);
    }
}
