using System.Net;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21, finding 1: bank details, credit limit and credit rating are finance's; sales proposes, finance confirms.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerFinanceProposalTests(AppFactory app)
{
    [Fact]
    public async Task The_owner_posting_a_new_credit_limit_leaves_it_unchanged_and_finance_sees_a_proposal()
    {
        var (id, code) = await new CustomerOwnershipTests(app).CreateCustomerAsOwnerAsync();
        var before = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");

        var edited = await owner.SubmitAsync(
            $"/Customers/Edit/{id}", CustomerOwnershipTests.CustomerForm(code, "Owned Ltd.", creditLimit: "777777.77", bankAccount: "6222 NEW", creditRating: "A"));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var after = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(before.CreditLimit, after.CreditLimit);
        Assert.Equal(before.BankAccount, after.BankAccount);
        Assert.Equal(before.CreditRating, after.CreditRating);

        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");
        var row = await ProposalRowAsync(finance, code);
        Assert.Contains("777,777.77", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("6222 NEW", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finance_confirms_a_proposal_and_the_customer_changes_with_a_trail_of_who_proposed_and_who_confirmed()
    {
        var (id, code) = await new CustomerOwnershipTests(app).CreateCustomerAsOwnerAsync();
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        await owner.SubmitAsync($"/Customers/Edit/{id}", CustomerOwnershipTests.CustomerForm(code, "Owned Ltd.", creditLimit: "654321", bankAccount: "6222 CONF", creditRating: "A"));
        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");
        var confirmUrl = (await ProposalRowAsync(finance, code)).QuerySelector("form[action^='/FinanceProposals/Confirm/']")!.GetAttribute("action")!;

        var confirmed = await finance.SubmitAsync("/FinanceProposals", [], confirmUrl);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(654321m, stored.CreditLimit);
        Assert.Equal("6222 CONF", stored.BankAccount);
        Assert.Equal(Domain.Customers.CreditRating.A, stored.CreditRating);
        var proposalId = confirmUrl.Split('/').Last();
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString() || a.EntityId == proposalId).ToListAsync());
        Assert.Contains(trail, a => a.EntityId == id.ToString() && a.Field == "CreditLimit" && a.NewValue == "654321.00" && a.UserName == "finance");
        Assert.Contains(trail, a => a.EntityId == proposalId && a.Field == "NewCreditLimit" && a.NewValue == "654321.00" && a.UserName == "sales");
        Assert.Contains(trail, a => a.EntityId == proposalId && a.Field == "Status" && a.NewValue == "Confirmed" && a.UserName == "finance");
        Assert.DoesNotContain(code, (await finance.GetAsync("/FinanceProposals")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_salesperson_cannot_see_or_confirm_proposals()
    {
        var (id, code) = await new CustomerOwnershipTests(app).CreateCustomerAsOwnerAsync();
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        await owner.SubmitAsync($"/Customers/Edit/{id}", CustomerOwnershipTests.CustomerForm(code, "Owned Ltd.", creditLimit: "888888"));
        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");
        var confirmUrl = (await ProposalRowAsync(finance, code)).QuerySelector("form[action^='/FinanceProposals/Confirm/']")!.GetAttribute("action")!;
        var before = await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.CreditLimit).SingleAsync());

        var token = await owner.TokenFromAsync("/Customers");
        var post = await owner.PostAsync(confirmUrl, [], token);

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/FinanceProposals")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.CreditLimit).SingleAsync()));
        Assert.Null((await owner.GetAsync("/")).Document.QuerySelector("header nav a[href='/FinanceProposals']"));
        Assert.NotNull((await finance.GetAsync("/")).Document.QuerySelector("header nav a[href='/FinanceProposals']"));
    }

    [Fact]
    public async Task Finance_rejects_a_proposal_and_the_customer_keeps_its_figures()
    {
        var (id, code) = await new CustomerOwnershipTests(app).CreateCustomerAsOwnerAsync();
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        await owner.SubmitAsync($"/Customers/Edit/{id}", CustomerOwnershipTests.CustomerForm(code, "Owned Ltd.", creditLimit: "999999"));
        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");
        var rejectUrl = (await ProposalRowAsync(finance, code)).QuerySelector("form[action^='/FinanceProposals/Reject/']")!.GetAttribute("action")!;
        var before = await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.CreditLimit).SingleAsync());

        var rejected = await finance.SubmitAsync("/FinanceProposals", [new("note", "No credit history")], rejectUrl);

        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.CreditLimit).SingleAsync()));
        Assert.DoesNotContain(code, (await finance.GetAsync("/FinanceProposals")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bank_and_credit_entered_at_creation_wait_for_finance()
    {
        var (id, code) = await new CustomerOwnershipTests(app).CreateCustomerAsOwnerAsync();

        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(0m, stored.CreditLimit);
        Assert.Null(stored.BankAccount);
        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");
        Assert.Contains("300,000.00", (await ProposalRowAsync(finance, code)).TextContent, StringComparison.Ordinal);
    }

    /// <summary>The row of the finance confirmation list that names the customer (the newest proposal for it).</summary>
    private static async Task<AngleSharp.Dom.IElement> ProposalRowAsync(BrowserLikeClient finance, string code)
    {
        var page = await finance.GetAsync("/FinanceProposals");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("#finance-proposals tbody tr").Where(r => r.TextContent.Contains(code, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        return rows[^1];
    }
}

/// <summary>A fresh app (demo data has no proposals): the finance list says that nothing waits.</summary>
public sealed class CustomerFinanceProposalEmptyStateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Finance_sees_an_empty_state_when_no_proposal_waits()
    {
        using var finance = app.CreateBrowserClient();
        await finance.SignInAsync("finance");

        var page = await finance.GetAsync("/FinanceProposals");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No proposals are waiting for confirmation.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#finance-proposals"));
    }
}
