using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Infrastructure;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Web.Tests.ReviewSpine;

/// <summary>The password re-entered for a signature: lockout as at sign-in, and the remembered check
/// (ADR 0007) that never accepts anything the full check would refuse.</summary>
public sealed class SignaturePasswordTests : IDisposable
{
    private readonly CountingHasherFactory _app = new();
    private readonly ReviewDriver _driver;

    public SignaturePasswordTests() => _driver = new ReviewDriver(_app);

    [Fact]
    public async Task A_head_signing_a_queue_pays_the_password_hash_once_and_a_wrong_password_is_still_refused_and_counted()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var first = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        var second = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        var third = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        await _driver.As("production");

        var before = _app.Hasher.Verifications;
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(first, "Production")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(second, "Production")).Status);
        Assert.Equal(1, _app.Hasher.Verifications - before);

        var wrong = await _driver.SignAsync(third, "Production", password: "not my password!");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("The password is not correct. Nothing was signed.", wrong.ErrorText, StringComparison.Ordinal);
        Assert.Equal(2, _app.Hasher.Verifications - before); // a password that does not match goes to the full check
        Assert.Equal(1, await FailedCountAsync("production"));
        Assert.Empty((await ReviewAsync(third)).Signatures);

        // The wrong password also forgot the remembered one: the next signature is checked in full again.
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(third, "Production")).Status);
        Assert.Equal(3, _app.Hasher.Verifications - before);
        Assert.Equal(0, await FailedCountAsync("production"));
    }

    [Fact]
    public async Task A_head_locked_out_by_wrong_passwords_cannot_sign_even_with_the_remembered_password()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var first = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        var second = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(first, "Production")).Status);

        for (var i = 1; i < PasswordPolicy.MaxFailedAttempts; i++)
        {
            Assert.Contains("The password is not correct.", (await _driver.SignAsync(second, "Production", password: $"guess number {i}")).ErrorText, StringComparison.Ordinal);
        }

        var locking = await _driver.SignAsync(second, "Production", password: "the last guess!");
        Assert.Contains("Too many wrong passwords: signing is locked for a while.", locking.ErrorText, StringComparison.Ordinal);

        var correct = await _driver.SignAsync(second, "Production");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, correct.Status);
        Assert.Contains("Too many wrong passwords: signing is locked for a while.", correct.ErrorText, StringComparison.Ordinal);
        Assert.Empty((await ReviewAsync(second)).Signatures);
        Assert.Equal(SectionStatus.Pending, (await ReviewAsync(second)).Sections.Single(s => s.DepartmentCode == "Production").Status);

        // When the lockout ends (here ended early, as an administrator would) the remembered entry is
        // gone: the full check runs again and lets the head sign.
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var head = (await users.FindByNameAsync("production"))!;
            Assert.True((await users.SetLockoutEndDateAsync(head, null)).Succeeded);
        }

        var before = _app.Hasher.Verifications;
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(second, "Production")).Status);
        Assert.Equal(1, _app.Hasher.Verifications - before);
    }

    public void Dispose() => _app.Dispose();

    private Task<Review> ReviewAsync(Guid id) => _app.WithDbAsync(db => db.Reviews.AsNoTracking()
        .Include(r => r.Sections).Include(r => r.Signatures).AsSplitQuery().SingleAsync(r => r.Id == id));

    private Task<int> FailedCountAsync(string userName) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.AccessFailedCount).SingleAsync());

    private sealed class CountingHasherFactory : AppFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

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

}

public sealed class SignatureCredentialCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    private static AppUser User() => new() { Id = "u1", UserName = "quality", PasswordHash = "hash-1", SecurityStamp = "stamp-1" };

    [Fact]
    public void Matches_only_the_remembered_password_of_the_same_user()
    {
        var cache = new SignatureCredentialCache(_clock);
        var user = User();
        Assert.False(cache.Matches(user, "Demo-Password-2026"));

        cache.Remember(user, "Demo-Password-2026");

        Assert.True(cache.Matches(user, "Demo-Password-2026"));
        Assert.False(cache.Matches(user, "Demo-Password-2027"));
        Assert.False(cache.Matches(user, "demo-password-2026"));
        Assert.False(cache.Matches(new AppUser { Id = "u2", PasswordHash = "hash-1", SecurityStamp = "stamp-1" }, "Demo-Password-2026"));
    }

    [Fact]
    public void Expires_at_the_end_of_its_lifetime_not_before()
    {
        var cache = new SignatureCredentialCache(_clock);
        var user = User();
        cache.Remember(user, "Demo-Password-2026");

        _clock.Advance(SignatureCredentialCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(cache.Matches(user, "Demo-Password-2026"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.Matches(user, "Demo-Password-2026"));
    }

    [Fact]
    public void A_changed_password_or_security_stamp_or_a_forget_ends_the_match()
    {
        var cache = new SignatureCredentialCache(_clock);
        var user = User();
        cache.Remember(user, "Demo-Password-2026");

        user.PasswordHash = "hash-2";
        Assert.False(cache.Matches(user, "Demo-Password-2026"));

        user.PasswordHash = "hash-1";
        user.SecurityStamp = "stamp-2";
        Assert.False(cache.Matches(user, "Demo-Password-2026"));

        user.SecurityStamp = "stamp-1";
        Assert.True(cache.Matches(user, "Demo-Password-2026"));
        cache.Forget(user.Id);
        Assert.False(cache.Matches(user, "Demo-Password-2026"));
    }
}
