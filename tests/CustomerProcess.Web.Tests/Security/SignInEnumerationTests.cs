using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21 finding 8: the sign-in form must not tell an attacker which user names exist,
/// neither by its message nor by how long it takes (the password hash runs on every path).</summary>
public sealed class SignInEnumerationTests(SignInHasherFactory app) : IClassFixture<SignInHasherFactory>
{
    [Fact]
    public async Task An_unknown_user_name_and_a_real_one_get_the_same_message_on_every_attempt_including_after_the_lockout()
    {
        var known = await app.CreateUserAsync("enum");
        var unknown = $"nobody-{Guid.NewGuid():N}"[..20];
        using var client = app.CreateBrowserClient();

        for (var attempt = 1; attempt <= PasswordPolicy.MaxFailedAttempts + 2; attempt++)
        {
            var real = await client.SubmitAsync("/Account/Login", [new("UserName", known), new("Password", "not-the-password")]);
            var fake = await client.SubmitAsync("/Account/Login", [new("UserName", unknown), new("Password", "not-the-password")]);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, real.Status);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.Status);
            Assert.Equal(fake.ErrorText, real.ErrorText);
        }

        // The account is locked now; even the right password gets the same answer as an unknown name.
        var locked = await client.SubmitAsync("/Account/Login", [new("UserName", known), new("Password", DemoData.Password)]);
        var nobody = await client.SubmitAsync("/Account/Login", [new("UserName", unknown), new("Password", DemoData.Password)]);
        Assert.Equal(nobody.ErrorText, locked.ErrorText);
        Assert.Contains("locked", locked.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_hash_is_computed_for_an_unknown_user_name_as_for_a_real_one()
    {
        using var client = app.CreateBrowserClient();
        var before = app.Hasher.Verifications;

        var result = await client.SubmitAsync("/Account/Login", [new("UserName", $"ghost-{Guid.NewGuid():N}"[..20]), new("Password", "some-password-1")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal(1, app.Hasher.Verifications - before);
    }

    [Fact]
    public async Task The_password_hash_is_computed_for_a_locked_or_deactivated_account_too()
    {
        var locked = await app.CreateUserAsync("lockhash");
        var leaver = await app.CreateUserAsync("leaverhash");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(locked))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1))).Succeeded);
            var gone = (await users.FindByNameAsync(leaver))!;
            gone.IsActive = false;
            Assert.True((await users.UpdateAsync(gone)).Succeeded);
        }

        using var client = app.CreateBrowserClient();
        foreach (var name in new[] { locked, leaver })
        {
            var before = app.Hasher.Verifications;
            var result = await client.SubmitAsync("/Account/Login", [new("UserName", name), new("Password", DemoData.Password)]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
            Assert.Equal(1, app.Hasher.Verifications - before);
        }
    }
}

/// <summary>The real app with the real PBKDF2 hasher wrapped to count full password checks.</summary>
public class SignInHasherFactory : AppFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    public async Task<string> CreateUserAsync(string prefix, string role = Roles.Sales)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }
}
