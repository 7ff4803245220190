using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21 finding 12: deactivation, role removal and a password reset reach an open
/// session on its very next request, not at the next once-a-minute stamp check.</summary>
public sealed class RevocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_deactivated_users_very_next_request_is_sent_to_the_login_page()
    {
        using var admin = await AdminAsync();
        var (userName, id) = await CreateUserAsync(admin, "gone", Roles.QualityStaff);
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).Status);

        var token = await admin.TokenFromAsync("/Users");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Users/SetActive/{id}?active=false", [new("Confirmed", "true")], token)).Status);

        var next = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/Account/Login", next.Location, StringComparison.Ordinal);
        // The session is over for good, not only for one request.
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/Orders")).Status);
    }

    [Fact]
    public async Task A_removed_role_is_refused_on_the_very_next_request_to_a_page_of_that_role()
    {
        using var admin = await AdminAsync();
        var (userName, id) = await CreateUserAsync(admin, "demoted", Roles.Administrator, Roles.Sales);
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Users")).Status);

        var saved = await admin.SubmitAsync($"/Users/Edit/{id}", [new("DisplayName", "demoted"), new("Roles", Roles.Sales)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/Users")).Status);
        // The rest of the session goes on with the remaining role.
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Orders")).Status);
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_open_session_on_its_very_next_request()
    {
        using var admin = await AdminAsync();
        var (userName, id) = await CreateUserAsync(admin, "reset", Roles.QualityStaff);
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).Status);

        var reset = await admin.SubmitAsync($"/Users/ResetPassword/{id}", [new("NewPassword", "a brand new password"), new("ConfirmPassword", "a brand new password")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);

        var next = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/Account/Login", next.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_written_by_another_instance_ends_the_session_within_the_recheck_interval()
    {
        using var admin = await AdminAsync();
        var (userName, id) = await CreateUserAsync(admin, "elsewhere", Roles.QualityStaff);
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).Status);

        // Another instance deactivates the user: the row changes, this process's memory does not hear of it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE AspNetUsers SET IsActive = 0, SecurityStamp = 'other-instance', ConcurrencyStamp = 'other-instance' WHERE Id = {id}"));

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        var next = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/Account/Login", next.Location, StringComparison.Ordinal);
    }

    private async Task<BrowserLikeClient> AdminAsync()
    {
        var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        return admin;
    }

    private async Task<(string UserName, string Id)> CreateUserAsync(BrowserLikeClient admin, string prefix, params string[] roles)
    {
        var userName = prefix + Guid.NewGuid().ToString("N")[..6];
        var fields = new List<KeyValuePair<string, string>> { new("UserName", userName), new("DisplayName", prefix), new("Password", DemoData.Password) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Users/Create", fields)).Status);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        return (userName, id);
    }
}
