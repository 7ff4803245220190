using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class AdministrationTests(AppFactory app)
{
    [Theory]
    [InlineData("sales")]
    [InlineData("gm")]
    [InlineData("quality")]
    public async Task A_user_without_the_Administrator_role_gets_403_on_user_management(string userName)
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Users")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Users/Create")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Departments")).Status);
        var token = await client.TokenFromAsync("/");
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var post = await client.PostAsync($"/Users/SetActive/{adminId}?active=false", [], token);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = app.CreateBrowserClient();
        var page = await client.GetAsync("/Users");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/Account/Login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_creates_a_user_with_roles_who_can_then_sign_in()
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var departmentId = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == "Finance").Select(d => d.Id).SingleAsync());
        var userName = "newuser" + Guid.NewGuid().ToString("N")[..6];

        var created = await admin.SubmitAsync("/Users/Create",
        [
            new("UserName", userName), new("DisplayName", "新同事"), new("Email", "new@example.com"), new("DepartmentId", departmentId.ToString()),
            new("Roles", Roles.FinanceHead), new("Roles", Roles.Sales), new("Password", "a long enough pass"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var roles = await app.WithDbAsync(db => (from u in db.Users
                                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                                 join r in db.Roles on ur.RoleId equals r.Id
                                                 where u.UserName == userName
                                                 select r.Name).ToListAsync());
        Assert.Equal([Roles.FinanceHead, Roles.Sales], roles.Order());
        using var newcomer = app.CreateBrowserClient();
        await newcomer.SignInAsync(userName, "a long enough pass");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "UserRole" && a.UserName == "admin").CountAsync());
        Assert.True(audit >= 2);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_the_policy_message()
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var userName = "shortpw" + Guid.NewGuid().ToString("N")[..6];

        var result = await admin.SubmitAsync("/Users/Create",
            [new("UserName", userName), new("DisplayName", "Short"), new("Roles", Roles.Sales), new("Password", "elevenchars")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"The password must have at least {PasswordPolicy.MinimumLength} characters.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Fact]
    public async Task Deactivating_a_user_keeps_the_account_and_blocks_sign_in_and_reset_password_unlocks()
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var (userName, id) = await CreateQualityStaffAsync(admin, "temp");

        var token = await admin.TokenFromAsync("/Users");
        var off = await admin.PostAsync($"/Users/SetActive/{id}?active=false", [new("Confirmed", "true")], token);
        Assert.Equal(HttpStatusCode.Redirect, off.Status);

        using var user = app.CreateBrowserClient();
        var refused = await user.SubmitAsync("/Account/Login", [new("UserName", userName), new("Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id && !u.IsActive)));

        await admin.PostAsync($"/Users/SetActive/{id}?active=true", [], token);
        var reset = await admin.SubmitAsync($"/Users/ResetPassword/{id}", [new("NewPassword", "brand new password"), new("ConfirmPassword", "brand new password")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        await user.SignInAsync(userName, "brand new password");
    }

    [Fact]
    public async Task A_deactivated_users_open_session_ends_on_its_next_request_and_the_admins_old_cookie_is_renewed()
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var (userName, id) = await CreateQualityStaffAsync(admin, "leaving");
        using var user = app.CreateBrowserClient();
        await user.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).Status);

        var token = await admin.TokenFromAsync("/Users");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Users/SetActive/{id}?active=false", [new("Confirmed", "true")], token)).Status);

        // The change reaches the open session at once (issue #21 finding 12, Security/RevocationTests).
        var after = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Contains("/Account/Login", after.Location, StringComparison.Ordinal);
        // Past the security-stamp interval, the administrator's cookie is checked, found valid and renewed.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Users")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Users")).Status);
    }

    [Fact]
    public async Task The_administrator_renames_a_department_and_sets_its_head()
    {
        using var admin = app.CreateBrowserClient();
        await admin.SignInAsync("admin");
        var (deptId, headId) = await app.WithDbAsync(async db => (
            await db.Departments.Where(d => d.Code == "Legal").Select(d => d.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "legal").Select(u => u.Id).SingleAsync()));

        var saved = await admin.SubmitAsync($"/Departments/Edit/{deptId}",
            [new("NameZh", "法务部"), new("NameEn", "Legal department"), new("HeadUserId", headId)]);

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ErrorText);
        var dept = await app.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == deptId));
        Assert.Equal("法务部", dept.NameZh);
        Assert.Equal(headId, dept.HeadUserId);
        var history = await admin.GetAsync($"/Departments/History/{deptId}");
        Assert.Contains("法务部", history.Text, StringComparison.Ordinal);
    }

    /// <summary>The administrator creates a quality staff member through the form; returns name and id.</summary>
    private async Task<(string UserName, string Id)> CreateQualityStaffAsync(BrowserLikeClient admin, string prefix)
    {
        var userName = prefix + Guid.NewGuid().ToString("N")[..6];
        await admin.SubmitAsync("/Users/Create",
            [new("UserName", userName), new("DisplayName", prefix), new("Roles", Roles.QualityStaff), new("Password", DemoData.Password)]);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        return (userName, id);
    }
}
