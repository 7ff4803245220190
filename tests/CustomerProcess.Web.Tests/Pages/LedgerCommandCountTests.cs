using System.Diagnostics;
using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Xunit.Abstractions;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #17: the layout runs on every page; its "Waiting for me" count and the bell must not grow the page's
/// queries with the work waiting. The ledger page, read by the sales manager (who has every kind of waiting work the
/// page counts), stays under a ceiling of SQL commands.</summary>
public sealed class LedgerCommandCountTests(CommandCountingAppFactory app, ITestOutputHelper output) : IClassFixture<CommandCountingAppFactory>
{
    /// <summary>The ledger's rows; the menu's and the bell's counts are kept until something is saved (docs/adr/0040). Before the
    /// menu's count was one query the page sent 8 commands, then 3.</summary>
    private const int Ceiling = 1;

    [Fact]
    public async Task The_ledger_page_sends_no_more_commands_than_its_ceiling_with_work_waiting_in_the_menu()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        await tracking.SignedContractAsync(code, CustomerClass.New);
        await tracking.Reviews.SubmitOrderAsync(CustomerProcess.Web.Tests.ReviewSpine.ReviewDriver.OrderForm(code, 5, 2_000m));

        var manager = await tracking.As("salesmanager");
        // The first views fill the caches (department names, totals, user versions).
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Ledger")).Status);
        }

        app.Commands.Clear();
        var page = await manager.GetAsync("/Ledger");
        var commands = app.Commands.Texts;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEqual("0", page.Document.QuerySelector("#menu-waiting-count")?.TextContent.Trim() ?? "0");

        const int timed = 30;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < timed; i++)
        {
            await manager.GetAsync("/Ledger");
        }

        output.WriteLine($"GET /Ledger: {commands.Count} commands; {watch.Elapsed.TotalMilliseconds / timed:F1} ms per request in process ({timed} requests)");
        foreach (var text in commands)
        {
            output.WriteLine("---");
            output.WriteLine(text);
        }

        Assert.True(commands.Count <= Ceiling, $"{commands.Count} commands, ceiling {Ceiling}");
    }
}
