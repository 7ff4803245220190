using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20: the queue page lists the reviews waiting on the user without joining each review query to the union
/// of every kind of reviewed record (orders, contract changes, tenders); the numbers and customers of the listed rows
/// are read afterwards, one query per kind listed (bench/results/notes.md: 14.3 → 7.8 ms of CPU per page).</summary>
public sealed class QueueCommandTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    [Fact]
    public async Task The_queue_shows_the_order_and_customer_of_a_section_to_sign_and_reads_them_for_the_listed_rows_only()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        var reviewId = await tracking.Reviews.SubmitOrderAsync(ReviewDriver.OrderForm(code, 5, 2_000m));
        string number;
        string customerName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var orderId = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync();
            var order = await db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            number = order.Number;
            customerName = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).SingleAsync();
        }

        var manager = await tracking.As("salesmanager");
        app.Commands.Clear();
        var page = await manager.GetAsync("/Queue");
        var commands = app.Commands.Texts;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelectorAll("li, tr").FirstOrDefault(e => e.TextContent.Contains(number, StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Contains(customerName, row.TextContent, StringComparison.Ordinal);

        // The review queries of the list (sections to sign, reviews to conclude; the menu's count, one UNION of every
        // kind of waiting work, lists contract changes of its own) are read without the records' union, which
        // brought contract changes, tenders and their customers into each of them…
        var reviewQueries = commands.Where(c => c.Contains("FROM \"ReviewSections\"", StringComparison.Ordinal)
                                                && !c.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reviewQueries);
        Assert.All(reviewQueries, c => Assert.DoesNotContain("\"ContractChanges\"", c, StringComparison.Ordinal));

        // …and the listed orders' numbers and customers in one query of the orders alone.
        var lookup = Assert.Single(commands, c => c.Contains("AS \"CustomerName\"", StringComparison.Ordinal));
        Assert.Contains("FROM \"SalesOrders\"", lookup, StringComparison.Ordinal);
        Assert.Contains("WHERE \"s\".\"Id\"", lookup, StringComparison.Ordinal);
        Assert.DoesNotContain("UNION", lookup, StringComparison.Ordinal);
    }
}
