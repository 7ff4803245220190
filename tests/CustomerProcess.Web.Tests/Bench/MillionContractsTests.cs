using System.Data.Common;
using System.Net;
using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Ledger;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CustomerProcess.Web.Tests.Bench;

/// <summary>What keeps the pages fast at a million contracts (docs/adr/0043-a-million-contracts.md): the export streams its
/// rows, and the filters and the management review read through indexes, not a scan of the table.</summary>
[Collection(AppCollection.Name)]
public sealed class MillionContractsTests(AppFactory app)
{
    [Fact]
    public void The_export_reads_its_rows_once_one_at_a_time_and_writes_every_one()
    {
        using var scope = app.Services.CreateScope();
        var export = scope.ServiceProvider.GetRequiredService<LedgerExport>();
        var rows = new CountingRows(5_000);
        using var stream = new MemoryStream();

        var written = export.WriteTo(stream, rows, new DateOnly(2026, 11, 23));

        Assert.Equal(5_000, written);
        Assert.Equal(1, rows.Enumerations);
        stream.Position = 0;
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5_000, sheet.Count);
        Assert.Equal("HT-2026-00001", sheet[0]["Contract"]);
        Assert.Equal("HT-2026-05000", sheet[^1]["Contract"]);
        Assert.Equal(export.Headers, sheet[0].Keys);
    }

    [Fact]
    public async Task An_export_with_no_matching_contract_still_has_the_header_row()
    {
        var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("contracts");

        var response = await client.Http.GetAsync("/Ledger/Export?q=NO-SUCH-CUSTOMER-XYZ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var header = Assert.Single(rows);
        Assert.Equal("合同", header["A"]);
        Assert.False(string.IsNullOrEmpty(header["Q"]?.ToString()));
    }

    [Fact]
    public async Task The_ledger_filtered_by_status_period_and_salesperson_reads_contracts_through_an_index()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerQuery>();
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, Roles.ContractAdministrator)], "test"));
        var filter = new LedgerFilter { Status = ContractStatus.Completed, From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31), Sales = "someone" };
        var filtered = await ledger.FilteredAsync(filter, reader, new DateOnly(2026, 11, 23), CancellationToken.None);

        var plan = await PlanAsync(db, ledger.Rows(filtered, filter).Take(20).ToQueryString());

        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN c", StringComparison.Ordinal) || p.StartsWith("SCAN Contracts", StringComparison.Ordinal));
        Assert.Contains(plan, p => p.Contains("USING INDEX IX_Contracts_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OverdueFilter.Any)]
    [InlineData(OverdueFilter.Delivery)]
    [InlineData(OverdueFilter.Payment)]
    public async Task The_overdue_filters_read_executing_contracts_in_the_pages_order_without_collecting_and_sorting_them(OverdueFilter overdue)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerQuery>();
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, Roles.ContractAdministrator)], "test"));
        var filter = new LedgerFilter { Overdue = overdue };
        var filtered = await ledger.FilteredAsync(filter, reader, new DateOnly(2026, 11, 23), CancellationToken.None);

        var plan = await PlanAsync(db, ledger.Rows(filtered, filter).Take(50).ToQueryString());

        // 272 ms at a million contracts with the due-date indexes (MULTI-INDEX OR, then every overdue contract sorted); 4 ms so.
        Assert.Contains(plan, p => p.Contains("USING INDEX IX_Contracts_Status_SignedOn", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("MULTI-INDEX OR", StringComparison.Ordinal) || p.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_management_review_reads_reviews_and_deliveries_of_its_period_through_their_date_indexes()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var first = new DateOnly(2025, 12, 1);
        var last = first.AddYears(1);

        var decided = await PlanAsync(db, db.Reviews.AsNoTracking()
            .Where(r => r.DecidedAtUtc != null && r.DecidedAtUtc >= from && r.DecidedAtUtc < to && (r.Status == ReviewStatus.Approved || r.Status == ReviewStatus.Rejected))
            .Select(r => new { r.Level, r.OpenedAtUtc }).ToQueryString());
        var opened = await PlanAsync(db, db.ReviewSections.AsNoTracking()
            .Join(db.Reviews, s => s.ReviewId, r => r.Id, (s, r) => new { s.DepartmentCode, r.OpenedAtUtc })
            .Where(x => x.OpenedAtUtc >= from && x.OpenedAtUtc < to)
            .GroupBy(x => x.DepartmentCode).Select(g => new { g.Key, Count = g.Count() }).ToQueryString());
        var delivered = await PlanAsync(db, db.Deliveries.AsNoTracking()
            .Where(d => d.CompletedDelivery && d.DeliveredOn >= first && d.DeliveredOn <= last).Select(d => d.DeliveredOn).ToQueryString());

        Assert.Contains(decided, p => p.Contains("USING INDEX IX_Reviews_Status_DecidedAtUtc", StringComparison.Ordinal));
        Assert.Contains(opened, p => p.Contains("USING INDEX IX_Reviews_OpenedAtUtc", StringComparison.Ordinal));
        Assert.Contains(delivered, p => p.Contains("USING INDEX IX_Deliveries_DeliveredOn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_start_page_counts_this_months_signatures_through_their_time_index()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var monthStartUtc = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
        var departments = new List<string> { "Sales" };

        // The query of HomeDashboardQuery's "sections signed this month" (without its COUNT, which does not change the plan).
        var plan = await PlanAsync(db, (
            from signature in db.ReviewSignatures
            join section in db.ReviewSections on signature.SectionId equals section.Id
            where signature.SignedAtUtc >= monthStartUtc && signature.InvalidatedAtUtc == null && departments.Contains(section.DepartmentCode)
            select signature.Id).ToQueryString());

        Assert.Contains(plan, p => p.Contains("USING INDEX IX_ReviewSignatures_SignedAtUtc", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
    }

    /// <summary>SQLite's plan of a query EF wrote (the parameters stay unbound: the plan does not depend on their values).</summary>
    private static async Task<List<string>> PlanAsync(AppDbContext db, string sql)
    {
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            return plan;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rows made one at a time, counting how often the sequence is enumerated.</summary>
    private sealed class CountingRows(int count) : IEnumerable<LedgerRow>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<LedgerRow> GetEnumerator()
        {
            Enumerations++;
            for (var i = 1; i <= count; i++)
            {
                yield return new LedgerRow(
                    Guid.NewGuid(), $"HT-2026-{i:D5}", 1, "客户", "C-1", "王销售", "CNY", 100_00, 0, 0, 0,
                    new DateOnly(2026, 1, 1), ContractStatus.Executing, null, null, $"DD-2026-{i:D5}");
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
