using System.Net;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21, finding 2: two people editing the same record in two tabs must not silently overwrite each other.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrencyTests(AppFactory app)
{
    private const string StaleMessage = "Someone else changed this record while you were editing.";

    [Fact]
    public async Task The_second_of_two_customer_edits_is_a_conflict_with_the_other_change_shown_and_the_input_kept()
    {
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        var code = "CC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await owner.SubmitAsync("/Customers/Create", CustomerOwnershipTests.CustomerForm(code, "Two Tabs Ltd."));
        var id = created.Location!.Split('/').Last();
        using var manager = app.CreateBrowserClient();
        await manager.SignInAsync("salesmanager");
        var url = $"/Customers/Edit/{id}";
        var first = await LoadFormAsync(owner, url);
        var second = await LoadFormAsync(manager, url);

        var saved = await owner.PostAsync(url, [.. first.Hidden, .. CustomerOwnershipTests.CustomerForm(code, "First Tab Ltd.")], first.Token);
        var stale = await manager.PostAsync(url, [.. second.Hidden, .. CustomerOwnershipTests.CustomerForm(code, "Second Tab Ltd.")], second.Token);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains(StaleMessage, stale.Text, StringComparison.Ordinal);
        Assert.Equal("Second Tab Ltd.", stale.Document.QuerySelector("#Name")!.GetAttribute("value"));
        var conflict = stale.Document.QuerySelector("#edit-conflict")!.TextContent;
        Assert.Contains("First Tab Ltd.", conflict, StringComparison.Ordinal);
        Assert.Contains("sales", conflict, StringComparison.Ordinal);
        Assert.Equal("First Tab Ltd.", await app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Name).SingleAsync()));

        // Having seen the other change, the second person may save on purpose.
        var again = await manager.PostAsync(url, [.. HiddenOf(stale, url), .. CustomerOwnershipTests.CustomerForm(code, "Second Tab Ltd.")], TokenOf(stale, url));
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("Second Tab Ltd.", await app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_second_of_two_product_edits_is_a_conflict_showing_the_other_change_and_the_database_keeps_the_first()
    {
        using var first = app.CreateBrowserClient();
        await first.SignInAsync("salesmanager");
        using var second = app.CreateBrowserClient();
        await second.SignInAsync("technical");
        var code = "PC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await first.SubmitAsync("/Products/Create", ProductForm(code, "泵"));
        var id = await app.WithDbAsync(db => db.Products.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        var url = $"/Products/Edit/{id}";
        var a = await LoadFormAsync(first, url);
        var b = await LoadFormAsync(second, url);

        var saved = await first.PostAsync(url, [.. a.Hidden, .. ProductForm(code, "第一泵")], a.Token);
        var stale = await second.PostAsync(url, [.. b.Hidden, .. ProductForm(code, "第二泵")], b.Token);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status); // one policy (issue #15): 409, the form again with the message
        Assert.Contains(StaleMessage, stale.Text, StringComparison.Ordinal);
        Assert.Equal("第二泵", stale.Document.QuerySelector("#NameZh")!.GetAttribute("value"));
        Assert.Contains("第一泵", stale.Document.QuerySelector("#edit-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("第一泵", await app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.NameZh).SingleAsync()));
        Assert.Single(stale.Document.QuerySelectorAll(".errors li"), e => e.TextContent.Contains(StaleMessage, StringComparison.Ordinal));

        // Having seen the other change, the second person may save on purpose.
        var again = await second.PostAsync(url, [.. HiddenOf(stale, url), .. ProductForm(code, "第二泵")], TokenOf(stale, url));
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("第二泵", await app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.NameZh).SingleAsync()));
    }

    [Fact]
    public async Task The_second_of_two_department_edits_is_a_conflict_showing_the_other_change_and_the_database_keeps_the_first()
    {
        using var first = app.CreateBrowserClient();
        await first.SignInAsync("admin");
        using var second = app.CreateBrowserClient();
        await second.SignInAsync("admin");
        var code = "D" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await first.SubmitAsync("/Departments/Create", [new("Code", code), new("NameZh", "测试部"), new("NameEn", "Test")]);
        var id = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        var url = $"/Departments/Edit/{id}";
        var a = await LoadFormAsync(first, url);
        var b = await LoadFormAsync(second, url);

        var saved = await first.PostAsync(url, [.. a.Hidden, new("Code", code), new("NameZh", "第一部"), new("NameEn", "First")], a.Token);
        var stale = await second.PostAsync(url, [.. b.Hidden, new("Code", code), new("NameZh", "第二部"), new("NameEn", "Second")], b.Token);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status); // one policy (issue #15): 409, the form again with the message
        Assert.Contains(StaleMessage, stale.Text, StringComparison.Ordinal);
        Assert.Equal("Second", stale.Document.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Contains("First", stale.Document.QuerySelector("#edit-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First", await app.WithDbAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task The_second_of_two_user_edits_is_a_conflict_showing_the_other_change_and_the_database_keeps_the_first()
    {
        var userId = await CreateUserAsync();
        using var first = app.CreateBrowserClient();
        await first.SignInAsync("admin");
        using var second = app.CreateBrowserClient();
        await second.SignInAsync("admin");
        var url = $"/Users/Edit/{userId}";
        var a = await LoadFormAsync(first, url);
        var b = await LoadFormAsync(second, url);

        var saved = await first.PostAsync(url, [.. a.Hidden, new("UserName", "ignored"), new("DisplayName", "First Name"), new("Roles", Roles.QualityStaff)], a.Token);
        var stale = await second.PostAsync(url, [.. b.Hidden, new("UserName", "ignored"), new("DisplayName", "Second Name"), new("Roles", Roles.QualityStaff)], b.Token);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status); // one policy (issue #15): 409, the form again with the message
        Assert.Contains(StaleMessage, stale.Text, StringComparison.Ordinal);
        Assert.Equal("Second Name", stale.Document.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Contains("First Name", stale.Document.QuerySelector("#edit-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First Name", await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync()));
    }

    private static KeyValuePair<string, string>[] ProductForm(string code, string nameZh) =>
        [new("Code", code), new("NameZh", nameZh), new("NameEn", "Pump"), new("Unit", "台"), new("IsStandard", "true")];

    private static async Task<(string Token, List<KeyValuePair<string, string>> Hidden)> LoadFormAsync(BrowserLikeClient client, string url)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (TokenOf(page, url), HiddenOf(page, url));
    }

    private static string TokenOf(BrowserLikeClient.Page page, string url) =>
        page.FormFor(url).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>The hidden fields the form carries (the version it was loaded with), as a browser posts them back.</summary>
    private static List<KeyValuePair<string, string>> HiddenOf(BrowserLikeClient.Page page, string url) =>
        page.FormFor(url).QuerySelectorAll("input[type=hidden]")
            .Select(i => (Name: i.GetAttribute("name") ?? "", Value: i.GetAttribute("value") ?? ""))
            .Where(i => i.Name is "Version" or "Loaded" or "ConcurrencyStamp")
            .Select(i => new KeyValuePair<string, string>(i.Name, i.Value))
            .ToList();

    private async Task<string> CreateUserAsync()
    {
        var userName = $"conc-{Guid.NewGuid():N}"[..20];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "Loaded Name", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.QualityStaff)).Succeeded);
        return user.Id;
    }
}
