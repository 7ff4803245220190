using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Tenders;

/// <summary>Drives tenders through their real forms, as sales would.</summary>
public sealed class TenderDriver(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    public ReviewDriver Users => _users;

    public Task<BrowserLikeClient> As(string userName) => _users.As(userName);

    public static List<KeyValuePair<string, string>> InvitationForm(string customerCode, decimal estimate, string project = "水厂泵站改造 Pump station") =>
    [
        new("CustomerCode", customerCode), new("Project", project), new("Deadline", "2026-12-20T10:00"),
        new("EstimatedAmount", estimate.ToString(CultureInfo.InvariantCulture)), new("Requirements", "20 台离心泵，GB/T 3216 验收 / 20 pumps, accepted per GB/T 3216"),
    ];

    /// <summary>Registers an invitation (with one PDF when asked) and answers its id.</summary>
    public async Task<Guid> RegisterAsync(string user, string customerCode, decimal estimate, byte[]? pdf = null)
    {
        var client = await As(user);
        var token = await client.TokenFromAsync("/Tenders/Create");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in InvitationForm(customerCode, estimate).Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), key);
        }

        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "files", "招标文件.pdf");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Tenders/Create") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await client.Http.SendAsync(request);
        var page = await BrowserLikeClient.Page.FromAsync(response);
        Assert.True(page.Status == HttpStatusCode.Redirect, page.ErrorText);
        return Guid.Parse(page.Location!.Split('/').Last());
    }

    /// <summary>Posts a form of the tender's details page (token taken from that page).</summary>
    public async Task<BrowserLikeClient.Page> PostAsync(string user, Guid tenderId, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var client = await As(user);
        return await client.PostAsync($"/Tenders/{action}/{tenderId}", fields, await client.TokenFromAsync($"/Tenders/Details/{tenderId}"));
    }

    /// <summary>Another salesperson (owns no customer, registered nothing).</summary>
    public async Task<string> OtherSalespersonAsync()
    {
        var userName = $"sales-{Guid.NewGuid():N}"[..16];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "赵销售 " + userName, LockoutEnabled = true, IsActive = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Sales)).Succeeded);
        return userName;
    }
}
