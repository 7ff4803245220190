using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Tracking;

/// <summary>The ledger reads a contract's review as the review of its order (issue #15): once a change of the contract
/// has opened a review of its own (subject kind ContractChange), the ledger, the order and both reviews still show.</summary>
[Collection(AppCollection.Name)]
public sealed class LedgerChangeReviewTests(AppFactory app)
{
    private readonly TrackingDriver _tracking = new(app);

    [Fact]
    public async Task A_contract_whose_change_opened_a_change_review_still_shows_its_order_review_in_the_ledger()
    {
        var customer = await _tracking.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _tracking.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN25 316L");
        Assert.Equal(HttpStatusCode.Redirect, (await _tracking.DecideChangeAsync(changeId, "Accept")).Status);
        var changeReviewId = (await _tracking.ChangeAsync(changeId)).ReviewId!.Value;
        var (changeKind, orderNumber) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == changeReviewId).Select(r => r.SubjectKind).SingleAsync(),
            await db.SalesOrders.Where(o => o.Id == contract.OrderId).Select(o => o.Number).SingleAsync()));
        Assert.Equal(ReviewSubjectKind.ContractChange, changeKind);

        foreach (var userName in new[] { "sales", "salesmanager", "contracts" })
        {
            var client = await _tracking.As(userName);
            var page = await client.GetAsync(TrackingDriver.Details(contract));

            Assert.True(page.Status == HttpStatusCode.OK, $"{userName}: {(int)page.Status}");
            Assert.Contains(orderNumber, page.Text, StringComparison.Ordinal);
            var reviewLinks = page.Document.QuerySelectorAll("a[href*='/Reviews/Details/']").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains(reviewLinks, href => href.EndsWith($"/Reviews/Details/{contract.ReviewId}", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(contract.Number, (await client.GetAsync("/Ledger?q=" + Uri.EscapeDataString(customer))).Text, StringComparison.Ordinal);
        }

        var manager = await _tracking.As("salesmanager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Orders/Details/{contract.OrderId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Reviews/Details/{contract.ReviewId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Reviews/Details/{changeReviewId}")).Status);
    }
}
