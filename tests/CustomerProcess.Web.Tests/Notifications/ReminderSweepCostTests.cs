using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Features.Notifications;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Notifications;

/// <summary>
/// The reminder sweep runs every 30 s. Once the due reminders are sent, a run costs the same few queries however many
/// records are overdue (it read three queries per overdue record before: at a million contracts, 28,654 overdue
/// contracts kept the server core busy between requests; bench/results/notes.md, 2026-12-05).
/// </summary>
public sealed class ReminderSweepCostTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    private readonly TrackingDriver _driver = new(app);

    [Fact]
    public async Task A_run_with_nothing_new_due_costs_the_same_queries_for_two_or_six_overdue_contracts_and_sends_nothing_twice()
    {
        // The test clock stands at 2026-11-23: a delivery due on 2026-11-22 is overdue.
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        await OverdueContractsAsync(customer, 2);

        var sent = await SweepAsync();
        Assert.True(sent.Added >= 2, $"{sent.Added} reminders for two overdue contracts");
        var quietTwo = await SweepAsync();
        Assert.Equal(0, quietTwo.Added);

        await OverdueContractsAsync(customer, 4);
        var sentFour = await SweepAsync();
        Assert.Equal(sent.Added * 2, sentFour.Added); // the four new contracts' reminders, and the first two's not again
        var quietSix = await SweepAsync();
        Assert.Equal(0, quietSix.Added);

        Assert.Equal(quietTwo.Commands, quietSix.Commands);
        var keys = await app.WithDbAsync(db => db.Notifications.Where(n => n.ReminderKey != null && n.ReminderKey.StartsWith("contract:"))
            .GroupBy(n => new { n.ReminderKey, n.UserId }).Select(g => g.Count()).ToListAsync());
        Assert.Equal(sent.Added * 3, keys.Count);
        Assert.All(keys, count => Assert.Equal(1, count));
    }

    private async Task OverdueContractsAsync(string customer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 1_000m, deliveryDate: "2026-11-22");
        }
    }

    private async Task<(int Added, int Commands)> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<ReminderSweep>();
        app.Commands.Clear();
        var added = await sweep.RunAsync(CancellationToken.None);
        return (added, app.Commands.Texts.Count);
    }
}
