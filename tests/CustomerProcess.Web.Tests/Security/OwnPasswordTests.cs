using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #17 item 5: a user changes their own (signature) password; an administrator's reset forces a change.</summary>
public sealed class OwnPasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "my own new password 2026";

    [Fact]
    public async Task A_user_who_changes_their_password_stays_signed_in_and_their_other_sessions_end()
    {
        var (userName, id) = await CreateUserAsync("changer", Roles.QualityStaff);
        using var here = app.CreateBrowserClient();
        using var elsewhere = app.CreateBrowserClient();
        await here.SignInAsync(userName);
        await elsewhere.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).Status);
        var hashBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

        var changed = await here.SubmitAsync("/Account/ChangePassword", [new("CurrentPassword", DemoData.Password), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var home = await here.FollowAsync(changed);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Your password was changed", home.Text, StringComparison.Ordinal);
        var other = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, other.Status);
        Assert.Contains("/Account/Login", other.Location, StringComparison.Ordinal);

        // The database holds the new hash, and the change is in the audit trail (the hash masked).
        var hashAfter = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());
        Assert.NotEqual(hashBefore, hashAfter);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Field == "PasswordHash")));
        using var again = app.CreateBrowserClient();
        await again.SignInAsync(userName, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_towards_the_lockout()
    {
        var (userName, id) = await CreateUserAsync("wrong", Roles.Sales);
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        var hashBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

        var refused = await user.SubmitAsync("/Account/ChangePassword", [new("CurrentPassword", "not my password at all"), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("The current password is not correct.", refused.ErrorText, StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.PasswordHash, u.AccessFailedCount }).SingleAsync());
        Assert.Equal(hashBefore, row.PasswordHash);
        Assert.Equal(1, row.AccessFailedCount);
    }

    [Fact]
    public async Task After_an_administrators_reset_the_next_sign_in_must_change_the_password_before_anything_else()
    {
        var (userName, id) = await CreateUserAsync("forced", Roles.Sales);
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        const string Temporary = "temporary password 42";
        var reset = await admin.SubmitAsync($"/Users/ResetPassword/{id}", [new("NewPassword", Temporary), new("ConfirmPassword", Temporary)]);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));

        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName, Temporary);
        foreach (var page in new[] { "/", "/Orders", "/Customers", "/TwoFactor" })
        {
            var blocked = await user.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, blocked.Status);
            Assert.Equal("/Account/ChangePassword", blocked.Location);
        }

        var form = await user.GetAsync("/Account/ChangePassword");
        Assert.NotNull(form.Document.QuerySelector("#must-change"));
        var changed = await user.SubmitAsync("/Account/ChangePassword", [new("CurrentPassword", Temporary), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Orders")).Status);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task The_change_password_page_is_not_open_to_anonymous_visitors()
    {
        using var anonymous = app.CreateBrowserClient();
        var page = await anonymous.GetAsync("/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/Account/Login", page.Location, StringComparison.Ordinal);
    }

    private async Task<(string UserName, string Id)> CreateUserAsync(string prefix, params string[] roles)
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var userName = prefix + Guid.NewGuid().ToString("N")[..6];
        var fields = new List<KeyValuePair<string, string>> { new("UserName", userName), new("DisplayName", prefix), new("Password", DemoData.Password) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Users/Create", fields)).Status);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        return (userName, id);
    }
}
