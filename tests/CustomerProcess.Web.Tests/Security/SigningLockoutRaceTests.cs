using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21 finding 9: parallel wrong signing passwords must not get more guesses than the lockout allows.</summary>
public sealed class SigningLockoutRaceTests(SignInHasherFactory app) : IClassFixture<SignInHasherFactory>
{
    [Fact]
    public async Task Twenty_parallel_wrong_signing_passwords_get_at_most_five_checks_and_lock_the_user()
    {
        var userName = await app.CreateUserAsync("racer", Roles.ProductionHead);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var before = app.Hasher.Verifications;

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var scope = app.Services.CreateScope();
            var credentials = scope.ServiceProvider.GetRequiredService<SignatureCredentials>();
            return (await credentials.VerifyAsync(userId, $"wrong guess {i:00}")).Check;
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.DoesNotContain(CredentialCheck.Verified, results);
        Assert.True(app.Hasher.Verifications - before <= PasswordPolicy.MaxFailedAttempts, $"{app.Hasher.Verifications - before} password checks ran");
        Assert.Equal(PasswordPolicy.MaxFailedAttempts, results.Count(r => r == CredentialCheck.WrongPassword) + 1);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!));
            var credentials = scope.ServiceProvider.GetRequiredService<SignatureCredentials>();
            var correct = await credentials.VerifyAsync(userId, DemoData.Password);
            Assert.Equal(CredentialCheck.LockedOut, correct.Check);
            Assert.Null(correct.User);
        }
    }
}
