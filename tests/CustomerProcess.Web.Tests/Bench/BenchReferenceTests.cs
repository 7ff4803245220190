using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Bench;

/// <summary>
/// The load benchmark's reference endpoints (bench/run.sh) are not in the app: they come with the assembly
/// bench/CustomerProcess.Bench.References when bench/run.sh loads it at start (a hosting startup; docs/adr/0045),
/// and then only in the Benchmark environment.
/// </summary>
public sealed class BenchReferenceTests
{
    private static readonly string[] References = ["/bench/r0", "/bench/r1", "/bench/r2", "/bench/gc"];

    [Fact]
    public void The_published_app_has_no_benchmark_code()
    {
        var types = typeof(Program).Assembly.GetTypes();
        Assert.DoesNotContain(types, t => t.Namespace?.Contains(".Bench", StringComparison.Ordinal) == true || t.Name.StartsWith("Bench", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(Program).Assembly.GetManifestResourceNames(), n => n.Contains("Bench", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", false)]
    [InlineData("Benchmark", false)]
    [InlineData("Development", true)]
    [InlineData("Production", true)]
    public async Task Reference_endpoints_are_absent_without_the_benchmark_assembly_and_outside_the_benchmark_environment(string environment, bool loaded)
    {
        using var app = new EnvironmentAppFactory(environment, loaded);
        using var client = app.CreateBrowserClient();
        foreach (var url in References)
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
        }

        // Signed in, too: no role opens them.
        await client.SignInAsync("admin", CustomerProcess.Infrastructure.Seeding.DemoData.Password);
        foreach (var url in References)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).Status);
        }
    }

    [Fact]
    public async Task In_the_benchmark_environment_R1_and_R2_list_the_same_ledger_rows_and_R0_a_fixed_string()
    {
        using var app = new EnvironmentAppFactory("Benchmark", referencesLoaded: true);
        using var client = app.CreateBrowserClient();
        var number = await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.FirstAsync(c => c.Code == "C-0001");
            var salesId = await db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).FirstAsync();
            var order = new SalesOrder("DD-2026-9001", customer.Id, salesId, app.Clock.GetUtcNow().UtcDateTime);
            order.UpdateDraft(
                new OrderContent(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, "GB/T 3216", null, null, null, null, null, null, null, null),
                [new OrderLineData(null, "离心泵 Pump <A&B>", null, 2, "台", 1234.5m, new DateOnly(2026, 12, 1), null, null, null)]);
            order.Submit(app.Clock.GetUtcNow().UtcDateTime);
            var decision = ReviewPolicy.Standard.Decide(OrderFacts.From(order, customer.Class, false), ReviewThresholds.Default);
            var review = Review.Open(ReviewSubjectKind.SalesOrder, order.Id, decision, ReviewThresholds.Default, order.ContentVersion, app.Clock.GetUtcNow().UtcDateTime);
            var contract = new Contract("HT-2026-9001", order.Id, review.Id, customer.Id, order.TotalMinor, "CNY", new DateOnly(2026, 11, 23), salesId, "Lin", null, app.Clock.GetUtcNow().UtcDateTime);
            db.AddRange(order, review, contract);
            await db.SaveChangesAsync();
            return contract.Number;
        });

        var r0 = await client.GetAsync("/bench/r0");
        Assert.Equal(HttpStatusCode.OK, r0.Status);
        Assert.Equal("OK", r0.Html);

        var r1 = await client.GetAsync("/bench/r1");
        var r2 = await client.GetAsync("/bench/r2");
        Assert.Equal(HttpStatusCode.OK, r1.Status);
        Assert.Equal(HttpStatusCode.OK, r2.Status);
        var rows1 = r1.Document.QuerySelectorAll("tbody tr").Select(tr => tr.TextContent).ToList();
        var rows2 = r2.Document.QuerySelectorAll("tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Single(rows1);
        Assert.Equal(rows1, rows2);
        Assert.Contains(number, rows1[0], StringComparison.Ordinal);
        Assert.Contains("2,469.00", rows1[0], StringComparison.Ordinal);
        Assert.Contains("DD-2026-9001", rows1[0], StringComparison.Ordinal);

        // The memory line of the benchmark log: the managed heap as the GC reports it.
        var gc = await client.GetAsync("/bench/gc");
        Assert.Equal(HttpStatusCode.OK, gc.Status);
        Assert.Matches(@"^MB: heap \d+\.\d, committed \d+\.\d, .*; collections gen0/1/2 \d+/\d+/\d+, paused \d+ ms, (server|workstation), gen0 budget up to \d+\.\d; JIT-compiled methods \d+; pool threads \d+; SQLite MB in use \d+\.\d \(peak \d+\.\d\)$", gc.Html);
    }

    private sealed class EnvironmentAppFactory(string environment, bool referencesLoaded) : AppFactory
    {
        protected override string Environment => environment;

        // Demo users everywhere, so the setup gate is closed and the answer is the route's own. The references'
        // assembly is loaded as bench/run.sh loads it: named as a hosting startup assembly.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "true",
            [WebHostDefaults.HostingStartupAssembliesKey] = referencesLoaded ? "CustomerProcess.Bench.References" : null,
        };
    }
}
