using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>The sign-in page's lockout under parallel guesses, as finding 9 asks of signing: no more wrong passwords are
/// checked than the lockout allows.</summary>
public sealed class SignInLockoutRaceTests(SignInHasherFactory app) : IClassFixture<SignInHasherFactory>
{
    [Fact]
    public async Task Twenty_parallel_wrong_sign_in_passwords_get_at_most_five_checks_and_lock_the_user()
    {
        var userName = await app.CreateUserAsync("loginrace");

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var scope = app.Services.CreateScope();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            return await signIn.PasswordSignInAsync(userName, $"wrong guess {i:00}", isPersistent: false, lockoutOnFailure: true);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.DoesNotContain(results, r => r.Succeeded);
        var checkedAndWrong = results.Count(r => !r.IsLockedOut);
        Assert.True(checkedAndWrong <= PasswordPolicy.MaxFailedAttempts, $"{checkedAndWrong} wrong passwords were checked before the lock");

        using var after = app.Services.CreateScope();
        var users = after.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!));
        var correct = await after.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .PasswordSignInAsync(userName, DemoData.Password, isPersistent: false, lockoutOnFailure: true);
        Assert.True(correct.IsLockedOut);
    }
}
