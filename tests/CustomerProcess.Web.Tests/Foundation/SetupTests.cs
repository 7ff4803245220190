using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

public sealed class SetupTests : IDisposable
{
    private readonly ProductionAppFactory _app = new();

    [Fact]
    public async Task In_production_the_setup_page_creates_the_first_administrator_once_and_only_once()
    {
        using var client = _app.CreateBrowserClient();
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync()));

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.Equal("/Setup", start.Location);

        var mismatch = await client.SubmitAsync("/Setup", [new("UserName", "root"), new("DisplayName", "Root"), new("Password", "first admin password"), new("ConfirmPassword", "other")]);
        Assert.Equal(HttpStatusCode.OK, mismatch.Status);
        Assert.Contains("The two passwords do not match.", mismatch.ErrorText, StringComparison.Ordinal);

        var page = await client.GetAsync("/Setup");
        var token = page.FormFor("/Setup").QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var created = await client.PostAsync("/Setup", [new("UserName", "root"), new("DisplayName", "Root"), new("Password", "first admin password"), new("ConfirmPassword", "first admin password")], token);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        var again = await client.PostAsync("/Setup", [new("UserName", "intruder"), new("DisplayName", "X"), new("Password", "second admin password"), new("ConfirmPassword", "second admin password")], token);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup")).Status);

        var users = await _app.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Equal(["root"], users);
        var isAdmin = await _app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.Administrator], isAdmin);
        await client.SignInAsync("root", "first admin password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Users")).Status);
    }

    [Fact]
    public async Task In_production_there_are_no_demo_accounts_or_demo_customers()
    {
        using var client = _app.CreateBrowserClient();
        await client.GetAsync("/health");
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sales")));
        Assert.False(await _app.WithDbAsync(db => db.Customers.AnyAsync()));
        Assert.True(await _app.WithDbAsync(db => db.Departments.AnyAsync(d => d.Code == "Quality")));
    }

    public void Dispose() => _app.Dispose();
}
