using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.ReviewSpine;

/// <summary>Own app: these tests move the clock.</summary>
public sealed class DelegationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ReviewDriver _driver = new(app);

    [Fact]
    public async Task A_deputy_signs_for_the_head_only_within_the_delegated_dates()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));
        var qstaffId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "qstaff").Select(u => u.Id).SingleAsync());

        var beforeDelegation = await _driver.SignAsync(reviewId, "Quality", userName: "qstaff");
        Assert.Equal(HttpStatusCode.Forbidden, beforeDelegation.Status);

        var quality = await _driver.As("quality");
        var delegated = await quality.SubmitAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", qstaffId), new("StartsOn", "2026-11-24"), new("EndsOn", "2026-11-26"), new("Note", "出差 / travelling")],
            "/Delegations");
        Assert.Equal(HttpStatusCode.Redirect, delegated.Status);

        // 2026-11-23 09:00 China time: the delegation starts tomorrow.
        Assert.Equal(HttpStatusCode.Forbidden, (await _driver.SignAsync(reviewId, "Quality", userName: "qstaff")).Status);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = new ReviewDriver(app); // yesterday's sign-in cookies have expired
        var signed = await nextDay.SignAsync(reviewId, "Quality", userName: "qstaff");
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        var signature = Assert.Single(await app.WithDbAsync(db => db.ReviewSignatures.AsNoTracking().Where(s => s.ReviewId == reviewId).ToListAsync()));
        Assert.Contains("He", signature.SignerName, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var afterwards = new ReviewDriver(app);
        var quality2 = await afterwards.As("qstaff");
        Assert.Equal(HttpStatusCode.Forbidden, (await quality2.GetAsync($"/Reviews/{reviewId}")).Status);
        var token = await quality2.TokenFromAsync("/");
        var late = await quality2.PostAsync($"/Reviews/{reviewId}/Sections/Quality/Sign", [new("Conclusion", "Accept"), new("Password", "Demo-Password-2026"), new("ContentVersion", "2")], token);
        Assert.Equal(HttpStatusCode.Forbidden, late.Status);
    }

    [Fact]
    public async Task A_head_who_also_holds_a_delegation_sees_both_departments_sections_to_sign_oldest_first()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var older = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));
        var productionId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "production").Select(u => u.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var delegated = await (await _driver.As("quality")).SubmitAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", productionId), new("StartsOn", today.ToString("yyyy-MM-dd")), new("EndsOn", today.AddDays(1).ToString("yyyy-MM-dd"))],
            "/Delegations"); // the give form (the page also lists earlier delegations with their revoke forms)
        Assert.Equal(HttpStatusCode.Redirect, delegated.Status);

        var links = await ToSignAsync();

        // Both departments' sections of both reviews, the older review's before the newer one's.
        string[] expected = [$"/Reviews/{older}#section-Production", $"/Reviews/{older}#section-Quality", $"/Reviews/{newer}#section-Production", $"/Reviews/{newer}#section-Quality"];
        Assert.All(expected, link => Assert.Contains(link, links));
        Assert.True(links.IndexOf(expected[1]) < links.IndexOf(expected[2]) && links.IndexOf(expected[0]) < links.IndexOf(expected[3]), string.Join(" ", links));

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.SignAsync(older, "Quality", userName: "production")).Status);
        var afterSigning = await ToSignAsync();
        Assert.DoesNotContain(expected[1], afterSigning);
        Assert.Contains(expected[0], afterSigning);
        Assert.Contains(expected[3], afterSigning);

        async Task<List<string>> ToSignAsync()
        {
            var queue = await (await _driver.As("production")).GetAsync("/Queue");
            return queue.Document.QuerySelectorAll("#queue-sign a").Select(a => a.GetAttribute("href") ?? "").ToList();
        }
    }

    [Fact]
    public async Task Only_the_head_of_a_department_may_delegate_it()
    {
        var salesId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).SingleAsync());
        var production = await _driver.As("production");

        var forged = await production.SubmitAsync("/Delegations",
            [new("DepartmentCode", "Finance"), new("ToUserId", salesId), new("StartsOn", "2026-11-23"), new("EndsOn", "2026-12-31")]);

        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.False(await app.WithDbAsync(db => db.DepartmentDelegations.AnyAsync(d => d.DepartmentCode == "Finance")));

        var badRange = await production.SubmitAsync("/Delegations",
            [new("DepartmentCode", "Production"), new("ToUserId", salesId), new("StartsOn", "2026-12-31"), new("EndsOn", "2026-12-01")]);
        Assert.Equal(HttpStatusCode.OK, badRange.Status);
        Assert.Contains("The end date must not be before the start date.", badRange.ErrorText, StringComparison.Ordinal);
    }
}
