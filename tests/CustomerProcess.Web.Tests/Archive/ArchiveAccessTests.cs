using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 part 2 (docs/process.md §2): a customer's file is read by its owner, the standing roles and holders of
/// an approved access that has not expired; every view is logged. Its own app: the tests move the clock forward.</summary>
public sealed class ArchiveAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<BrowserLikeClient> AsAsync(string userName)
    {
        var client = app.CreateBrowserClient("en");
        await client.SignInAsync(userName);
        return client;
    }

    private Task<Guid> CustomerIdAsync(string code) => app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    private Task<List<CustomerFileView>> ViewsAsync(Guid customerId, string userName) =>
        app.WithDbAsync(db => db.CustomerFileViews.AsNoTracking()
            .Where(v => v.CustomerId == customerId && db.Users.Any(u => u.Id == v.UserId && u.UserName == userName))
            .ToListAsync());

    /// <summary>qstaff asks for <paramref name="code"/>; the quality head (qstaff's head) and the owner (sales) approve.</summary>
    private async Task<Guid> ApprovedAccessAsync(BrowserLikeClient qstaff, string code, int days)
    {
        var id = await CustomerIdAsync(code);
        var asked = await qstaff.SubmitAsync($"/Archive/Ask/{id}", [new("Reason", "投诉调查需要联系人 / complaint investigation"), new("Days", days.ToString(System.Globalization.CultureInfo.InvariantCulture))], $"/Archive/Ask/{id}");
        Assert.True(asked.Status == HttpStatusCode.Redirect, "Not asked: " + asked.ErrorText);
        var grantId = await app.WithDbAsync(db => db.ArchiveAccessGrants.Where(g => g.CustomerId == id).OrderByDescending(g => g.RequestedAtUtc).Select(g => g.Id).FirstAsync());

        using var head = await AsAsync("quality");
        Assert.Equal(HttpStatusCode.Redirect, (await head.SubmitAsync("/Archive", [new("As", "Head")], $"/Archive/Approve/{grantId}")).Status);
        using var owner = await AsAsync("sales");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/Archive", [new("As", "Owner")], $"/Archive/Approve/{grantId}")).Status);
        Assert.Equal(ArchiveAccessStatus.Approved, await app.WithDbAsync(db => db.ArchiveAccessGrants.Where(g => g.Id == grantId).Select(g => g.Status).SingleAsync()));
        return grantId;
    }

    [Fact]
    public async Task An_access_approved_by_the_head_and_the_owner_opens_the_file_logs_each_view_and_is_refused_after_it_expires()
    {
        using var qstaff = await AsAsync("qstaff");
        var id = await CustomerIdAsync("C-0001");
        Assert.Equal(HttpStatusCode.Forbidden, (await qstaff.GetAsync($"/Customers/Details/{id}")).Status);
        Assert.Empty(await ViewsAsync(id, "qstaff"));

        await ApprovedAccessAsync(qstaff, "C-0001", days: 1);

        var details = await qstaff.GetAsync($"/Customers/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("刘先生 Mr. Liu", details.Document.QuerySelector("#contacts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await qstaff.GetAsync($"/Customers/Contracts/{id}")).Status);
        var views = await ViewsAsync(id, "qstaff");
        Assert.Equal(
            [CustomerFilePart.Contracts, CustomerFilePart.DetailsPage], // the details page is one row naming its three parts
            views.Select(v => v.Part).Order());
        Assert.All(views, v => Assert.Equal(CustomerFileBasis.Grant, v.Basis));
        Assert.All(views, v => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, v.AtUtc));

        // The owner sees who looked; the requester does not see the log.
        using var owner = await AsAsync("sales");
        var log = await owner.GetAsync($"/Archive/ViewLog/{id}");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Contains("He (Quality staff)", log.Document.QuerySelector("#view-log")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await qstaff.GetAsync($"/Archive/ViewLog/{id}")).Status);

        // Just before the end the access holds; at the end it does not, and nothing more is logged (a day later the
        // sign-in cookie has expired too: sign in again).
        app.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        using var nextDay = await AsAsync("qstaff");
        Assert.Equal(HttpStatusCode.OK, (await nextDay.GetAsync($"/Customers/Details/{id}")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await nextDay.GetAsync($"/Customers/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await nextDay.GetAsync($"/Customers/History/{id}")).Status);
        Assert.Equal(3, (await ViewsAsync(id, "qstaff")).Count);
    }

    [Fact]
    public async Task An_access_approved_for_another_customer_does_not_open_this_customers_file()
    {
        using var qstaff = await AsAsync("qstaff");
        await ApprovedAccessAsync(qstaff, "C-0002", days: 30);
        var other = await CustomerIdAsync("C-0003");

        Assert.Equal(HttpStatusCode.Forbidden, (await qstaff.GetAsync($"/Customers/Details/{other}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await qstaff.GetAsync($"/Customers/Contracts/{other}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await qstaff.GetAsync($"/Customers/History/{other}")).Status);
        Assert.Empty(await ViewsAsync(other, "qstaff"));
    }

    [Fact]
    public async Task A_request_approved_only_by_the_head_does_not_open_the_file_and_a_stranger_cannot_give_the_owners_approval()
    {
        using var production = await AsAsync("production");
        var id = await CustomerIdAsync("C-0003");
        var asked = await production.SubmitAsync($"/Archive/Ask/{id}", [new("Reason", "供货能力评估"), new("Days", "5")], $"/Archive/Ask/{id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var grantId = await app.WithDbAsync(db => db.ArchiveAccessGrants.Where(g => g.CustomerId == id && g.Reason == "供货能力评估").Select(g => g.Id).SingleAsync());

        // The production head heads their own department: the general manager approves as head.
        using var gm = await AsAsync("gm");
        Assert.Equal(HttpStatusCode.Redirect, (await gm.SubmitAsync("/Archive", [new("As", "Head")], $"/Archive/Approve/{grantId}")).Status);
        using var finance = await AsAsync("finance");
        var stranger = await finance.PostAsync($"/Archive/Approve/{grantId}", [new("As", "Owner")], await finance.TokenFromAsync("/Archive"));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.Status);
        var ownApproval = await production.PostAsync($"/Archive/Approve/{grantId}", [new("As", "Owner")], await production.TokenFromAsync("/Archive"));
        Assert.Equal(HttpStatusCode.Forbidden, ownApproval.Status);

        Assert.Equal(ArchiveAccessStatus.Pending, await app.WithDbAsync(db => db.ArchiveAccessGrants.Where(g => g.Id == grantId).Select(g => g.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await production.GetAsync($"/Customers/Details/{id}")).Status);
        Assert.Empty(await ViewsAsync(id, "production"));
    }

    [Fact]
    public async Task The_general_manager_reads_a_file_by_role_and_the_view_is_logged_too()
    {
        using var gm = await AsAsync("gm");
        var id = await CustomerIdAsync("C-0002");

        Assert.Equal(HttpStatusCode.OK, (await gm.GetAsync($"/Customers/Details/{id}")).Status);

        var view = Assert.Single(await ViewsAsync(id, "gm")); // one row naming the page's three parts
        Assert.Equal(CustomerFilePart.DetailsPage, view.Part);
        Assert.Equal(CustomerFileBasis.Role, view.Basis);
    }

    [Fact]
    public async Task The_approvals_list_shows_several_waiting_requests_each_with_the_approvals_the_reader_may_give()
    {
        using var owner = await AsAsync("sales");
        var code = "AP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await owner.SubmitAsync("/Customers/Create",
            [new("Code", code), new("Name", "审批列表 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated")], "/Customers/Create");
        var id = Guid.Parse(created.Location!.Split('/').Last());
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var user in new[] { "qstaff", "production", "technical" })
        {
            using var requester = await AsAsync(user);
            var asked = await requester.SubmitAsync($"/Archive/Ask/{id}", [new("Reason", $"需要查看 {tag} {user}"), new("Days", "5")], $"/Archive/Ask/{id}");
            Assert.True(asked.Status == HttpStatusCode.Redirect, user + ": " + asked.ErrorText);
        }

        var ownerRows = (await owner.GetAsync("/Archive")).Document.QuerySelectorAll("#access-to-approve tbody tr").Where(r => r.TextContent.Contains(tag, StringComparison.Ordinal)).ToList();
        using var head = await AsAsync("quality");
        var headRows = (await head.GetAsync("/Archive")).Document.QuerySelectorAll("#access-to-approve tbody tr").Where(r => r.TextContent.Contains(tag, StringComparison.Ordinal)).ToList();

        // The owner approves each as owner; the quality head approves only the request of quality staff, as their head.
        Assert.Equal(3, ownerRows.Count);
        Assert.All(ownerRows, r => Assert.NotNull(r.QuerySelector("input[name=As][value=Owner]")));
        Assert.All(ownerRows, r => Assert.Null(r.QuerySelector("input[name=As][value=Head]")));
        var headRow = Assert.Single(headRows);
        Assert.Contains("qstaff", headRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(headRow.QuerySelector("input[name=As][value=Head]"));
        Assert.Null(headRow.QuerySelector("input[name=As][value=Owner]"));
    }
}
