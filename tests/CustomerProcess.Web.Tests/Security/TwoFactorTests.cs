using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Two-factor sign-in with an authenticator app (TOTP computed here with Otp.NET), recovery codes,
/// and the requirement for administrators and the general manager.</summary>
public sealed class TwoFactorTests(TwoFactorRequiredFactory app) : IClassFixture<TwoFactorRequiredFactory>
{
    [Fact]
    public async Task A_user_enables_two_factor_with_a_computed_code_and_then_sign_in_requires_the_code()
    {
        var userName = await app.CreateUserAsync("totp");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        var (key, codes) = await EnableAsync(owner);

        Assert.Equal(10, codes.Count);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Contains("Two-factor sign-in is on", (await owner.GetAsync("/TwoFactor")).Text, StringComparison.Ordinal);

        using var client = app.CreateBrowserClient();
        var password = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/Account/LoginTwoFactor", password.Location, StringComparison.Ordinal);
        // The password alone signs nobody in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Orders")).Status);

        var wrong = await client.SubmitAsync("/Account/LoginTwoFactor", [new("Code", WrongCode(key))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("The code is not correct.", wrong.ErrorText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.AccessFailedCount).SingleAsync()));

        var right = await client.SubmitAsync("/Account/LoginTwoFactor", [new("Code", CodeNow(key))]);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Orders")).Status);
    }

    [Fact]
    public async Task The_second_step_answers_in_chinese_too()
    {
        var userName = await app.CreateUserAsync("totpzh");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        var (key, _) = await EnableAsync(owner);

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        var wrong = await client.SubmitAsync("/Account/LoginTwoFactor", [new("Code", WrongCode(key))]);

        Assert.Contains("验证码不正确。", wrong.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_and_then_even_the_right_code_is_refused()
    {
        var userName = await app.CreateUserAsync("totplock");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        var (key, _) = await EnableAsync(owner);

        using var client = app.CreateBrowserClient();
        await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        BrowserLikeClient.Page last = null!;
        for (var i = 0; i < PasswordPolicy.MaxFailedAttempts; i++)
        {
            last = await client.SubmitAsync("/Account/LoginTwoFactor", [new("Code", WrongCode(key))]);
        }

        Assert.Contains("Too many wrong codes", last.ErrorText, StringComparison.Ordinal);
        var right = await client.SubmitAsync("/Account/LoginTwoFactor", [new("Code", CodeNow(key))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.Status);
        Assert.Contains("Too many wrong codes", right.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var userName = await app.CreateUserAsync("recover");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        var (_, codes) = await EnableAsync(owner);

        using (var first = app.CreateBrowserClient())
        {
            await first.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
            var used = await first.SubmitAsync("/Account/LoginTwoFactor", [new("Code", codes[0])]);
            Assert.Equal(HttpStatusCode.Redirect, used.Status);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Orders")).Status);
        }

        using var second = app.CreateBrowserClient();
        await second.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        var again = await second.SubmitAsync("/Account/LoginTwoFactor", [new("Code", codes[0])]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("The code is not correct.", again.ErrorText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Orders")).Status);
        Assert.Contains("Recovery codes left: 9", (await owner.GetAsync("/TwoFactor")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_the_setup_page_and_reaches_nothing_else_until_it_is_on()
    {
        var userName = await app.CreateUserAsync("needs2fa", Roles.Administrator);
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync(userName);

        foreach (var url in new[] { "/", "/Users", "/Orders", "/Customers", "/Users/Create" })
        {
            var page = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal("/TwoFactor/Setup", page.Location);
        }

        var token = await admin.TokenFromAsync("/TwoFactor/Setup");
        var post = await admin.PostAsync("/Users/Create", [new("UserName", "sneaky1"), new("DisplayName", "x"), new("Roles", Roles.Sales), new("Password", DemoData.Password)], token);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sneaky1")));

        var setup = await admin.GetAsync("/TwoFactor/Setup");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.Contains("Your role requires two-factor sign-in.", setup.Text, StringComparison.Ordinal);

        await EnableAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Users")).Status);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password()
    {
        var userName = await app.CreateUserAsync("turnoff");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        await EnableAsync(owner);

        var refused = await owner.SubmitAsync("/TwoFactor", [new("Password", "not my password")], "/TwoFactor/Disable");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var off = await owner.SubmitAsync("/TwoFactor", [new("Password", DemoData.Password)], "/TwoFactor/Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Orders")).Status);
        using var client = app.CreateBrowserClient();
        var password = await client.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        Assert.Equal("/", password.Location);
    }

    [Fact]
    public async Task Opening_the_setup_page_stores_nothing_and_the_users_other_session_stays_signed_in()
    {
        var userName = await app.CreateUserAsync("setupvisit");
        using var first = app.CreateBrowserClient();
        await first.SignInAsync(userName);
        using var second = app.CreateBrowserClient();
        await second.SignInAsync(userName);
        var before = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.SecurityStamp, u.ConcurrencyStamp }).SingleAsync());

        var setup = await first.GetAsync("/TwoFactor/Setup");
        var again = await first.GetAsync("/TwoFactor/Setup");

        Assert.Equal(HttpStatusCode.OK, setup.Status);
        // The same key on every visit of this browser, though none is stored.
        Assert.Equal(setup.Document.QuerySelector("#shared-key")!.TextContent, again.Document.QuerySelector("#shared-key")!.TextContent);
        var after = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.SecurityStamp, u.ConcurrencyStamp }).SingleAsync());
        Assert.Equal(before, after);
        Assert.False(await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == before.Id)));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Orders")).Status);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Orders")).Status);
    }

    [Fact]
    public async Task A_wrong_first_code_stores_no_key_and_the_page_offers_the_same_key_again()
    {
        var userName = await app.CreateUserAsync("setupwrong");
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync(userName);
        var setup = await owner.GetAsync("/TwoFactor/Setup");
        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await owner.SubmitAsync("/TwoFactor/Setup", [new("Code", WrongCode(key))]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("The code is not correct.", wrong.ErrorText, StringComparison.Ordinal);
        Assert.Equal(setup.Document.QuerySelector("#shared-key")!.TextContent, wrong.Document.QuerySelector("#shared-key")!.TextContent);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == userId)));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    /// <summary>Opens the setup page, reads the key, enables with the current code; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, List<string> Codes)> EnableAsync(BrowserLikeClient client)
    {
        var setup = await client.GetAsync("/TwoFactor/Setup");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.StartsWith("data:image/svg+xml;base64,", setup.Document.QuerySelector("#qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var enabled = await client.SubmitAsync("/TwoFactor/Setup", [new("Code", CodeNow(key))]);
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        var shown = await client.FollowAsync(enabled);
        var codes = shown.Document.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        // Shown once only.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/TwoFactor/RecoveryCodes")).Status);
        return (key, codes);
    }

    private static string CodeNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>A six-digit code that none of the accepted time steps (±2 around now) gives.</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var near = Enumerable.Range(-3, 7).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + (i * 7919)).ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}

/// <summary>Development data, with two-factor sign-in required of administrators and the general manager as in production.</summary>
public sealed class TwoFactorRequiredFactory : SignInHasherFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactorForRoles"] = "Administrator,GeneralManager",
    };
}
