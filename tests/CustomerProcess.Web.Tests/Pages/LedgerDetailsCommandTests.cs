using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20: a contract's ledger page reads the contract and its customer once each. The review box on the
/// page read both a second time (the contract by its review, the customer by the reviewed order).</summary>
public sealed class LedgerDetailsCommandTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    [Fact]
    public async Task The_contract_page_reads_the_contract_and_its_customer_once()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await tracking.SignedContractAsync(code, CustomerClass.Regular);
        var reader = await tracking.As("contracts");
        await reader.GetAsync($"/Ledger/Details/{contract.Id}");

        app.Commands.Clear();
        var page = await reader.GetAsync($"/Ledger/Details/{contract.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(contract.Number, page.Document.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(code, page.Html, StringComparison.Ordinal);
        var all = string.Join("\n---\n", app.Commands.Texts);
        Assert.True(app.Commands.Texts.Count(c => c.Contains("FROM \"Contracts\"", StringComparison.Ordinal) && c.Contains("\"c\".\"AmountMinor\"", StringComparison.Ordinal)) == 1, all);
        Assert.True(app.Commands.Texts.Count(c => c.Contains("FROM \"Customers\"", StringComparison.Ordinal)) == 1, all);
    }
}
