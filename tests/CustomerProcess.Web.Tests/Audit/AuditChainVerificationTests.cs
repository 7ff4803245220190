using System.Net;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Audit;
using CustomerProcess.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Audit;

/// <summary>Issue #18 item 3 (docs/process.md §11, ADR 0031): the audit trail is a hash chain; the quality head's page and
/// the verify-audit command walk it and name the first broken row; the application never changes or removes a row.
/// Each test has its own app: some edit the database behind the application's back.</summary>
public sealed class AuditChainVerificationTests
{
    private static async Task<(int Code, string Output)> CommandAsync(AppFactory app)
    {
        using var output = new StringWriter();
        var code = await VerifyAuditCommand.RunAsync(app.Services, output);
        return (code, output.ToString());
    }

    private static async Task ExecuteBehindTheAppAsync(AppFactory app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_seeded_trail_is_chained_and_verifies_intact_on_the_page_and_the_command()
    {
        using var app = new AppFactory();
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");

        var (count, unchained, head) = await app.WithDbAsync(async db => (
            await db.AuditEntries.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Sequence == null || a.Hash == null),
            await db.AuditChainHeads.SingleAsync()));
        Assert.True(count > 100, $"only {count} audit rows");
        Assert.Equal(0, unchained);
        Assert.Equal(count, head.Sequence);

        var page = await quality.GetAsync("/Audit/Verify?run=true");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The audit trail is intact", page.Document.QuerySelector("#audit-result")!.TextContent, StringComparison.Ordinal);

        var (code, output) = await CommandAsync(app);
        Assert.Equal(0, code);
        Assert.StartsWith("Audit trail intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_database_edit_of_an_audit_row_makes_the_verification_fail_and_name_the_row()
    {
        using var app = new AppFactory();
        var target = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Customer" && a.Field == "Name").OrderBy(a => a.Sequence).FirstAsync());

        await ExecuteBehindTheAppAsync(app, $"UPDATE \"AuditEntries\" SET \"NewValue\" = 'forged name' WHERE \"Id\" = {target.Id}");

        var (code, output) = await CommandAsync(app);
        Assert.Equal(1, code);
        Assert.Contains($"AUDIT TRAIL BROKEN at row {target.Id} (place {target.Sequence})", output, StringComparison.Ordinal);

        var report = await app.WithDbAsync(db => AuditVerification.VerifyAsync(db));
        Assert.Equal(new AuditChainBreak(AuditChainFault.HashMismatch, target.Id, target.Sequence), report.FirstBreak);
        Assert.Equal(target.Sequence - 1, report.EntriesChecked);

        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var page = await quality.GetAsync("/Audit/Verify?run=true");
        var result = page.Document.QuerySelector("#audit-result.audit-broken")!.TextContent;
        Assert.Contains("The audit trail is BROKEN.", result, StringComparison.Ordinal);
        Assert.Contains($"Row {target.Id} (place {target.Sequence}) was changed after it was written", result, StringComparison.Ordinal);
        Assert.Contains("forged name", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_audit_row_and_a_row_inserted_by_hand_are_both_named()
    {
        using var app = new AppFactory();
        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).Skip(10).Take(2).ToListAsync());

        await ExecuteBehindTheAppAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {rows[0].Id}");
        var report = await app.WithDbAsync(db => AuditVerification.VerifyAsync(db));
        Assert.Equal(new AuditChainBreak(AuditChainFault.MissingRow, rows[1].Id, rows[1].Sequence), report.FirstBreak);

        using var second = new AppFactory();
        await second.WithDbAsync(db => db.AuditEntries.CountAsync());
        await ExecuteBehindTheAppAsync(second,
            "INSERT INTO \"AuditEntries\" (\"UtcTime\", \"UserId\", \"UserName\", \"EntityType\", \"EntityId\", \"Action\", \"Field\", \"OldValue\", \"NewValue\", \"ChangeSetId\") " +
            "VALUES ('2026-11-23 01:00:00', NULL, 'intruder', 'Customer', 'x', 'Updated', 'Name', 'a', 'b', '00000000-0000-0000-0000-000000000000')");
        var inserted = await second.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));
        var (code, output) = await CommandAsync(second);
        Assert.Equal(1, code);
        Assert.Contains($"AUDIT TRAIL BROKEN at row {inserted}: inserted outside the application", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_refuses_to_change_remove_or_add_an_audit_row_itself()
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var original = entry.NewValue;

        entry.NewValue = "changed";
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("never changed or removed", changed.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.AuditEntries.Add(new AuditEntry { UserName = "x", EntityType = "Customer", EntityId = "x", Field = "Name", ChangeSetId = Guid.NewGuid() });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var head = await db.AuditChainHeads.SingleAsync();
        head.Sequence = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        Assert.Equal(original, await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.NewValue).FirstAsync());
        Assert.True((await AuditVerification.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Saves_from_many_requests_at_once_append_to_one_unbroken_chain()
    {
        using var app = new AppFactory();
        var before = await app.WithDbAsync(db => db.AuditChainHeads.Select(h => h.Sequence).SingleAsync());

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Products.Add(new Product($"CH-{i:00}", $"链测试{i}", $"Chain test {i}", "DN50", "台", isStandard: true));
            await db.SaveChangesAsync();
        })));

        var report = await app.WithDbAsync(db => AuditVerification.VerifyAsync(db));
        Assert.True(report.Intact, report.FirstBreak?.ToString());
        var written = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Sequence > before));
        Assert.Equal(report.HeadSequence - before, written);
        Assert.True(written >= 12 * 5);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("qstaff")]
    public async Task Only_the_quality_head_the_general_manager_and_the_administrator_open_the_verification(string userName)
    {
        using var app = new AppFactory();
        using var client = app.CreateBrowserClient("en");
        await client.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit/Verify?run=true")).Status);

        using var gm = app.CreateBrowserClient("en");
        await gm.SignInAsync("gm");
        Assert.Equal(HttpStatusCode.OK, (await gm.GetAsync("/Audit/Verify?run=true")).Status);
    }
}
