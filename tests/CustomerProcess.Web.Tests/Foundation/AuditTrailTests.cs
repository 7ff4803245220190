using System.Data.Common;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>The audit trail's write path (AuditInterceptor + AuditWriter) on the real SQLite migration set:
/// entries written in the saving transaction as multi-row INSERTs, stored as EF stores them, and never
/// left behind by a save or transaction that did not commit.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 30, 15, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cp-audit-{Guid.NewGuid():N}.db");
    private readonly CommandCounter _commands = new();

    public AuditTrailTests()
    {
        using var db = NewContext();
        db.Database.Migrate();
    }

    [Fact]
    public async Task A_created_record_gets_one_entry_per_field_from_one_insert_stored_as_ef_stores_them()
    {
        Guid productId;
        await using (var db = NewContext())
        {
            var product = new Product("AT-1", "测试泵", "Audit pump", "DN50", "台", isStandard: true);
            productId = product.Id;
            db.Products.Add(product);
            _commands.Clear();
            await db.SaveChangesAsync();
        }

        // EF itself sends only the product's INSERT; the entries go in the writer's multi-row INSERT.
        Assert.Equal(1, _commands.Count("INSERT INTO \"Products\""));
        Assert.Equal(0, _commands.Count("INSERT INTO \"AuditEntries\""));

        await using var read = NewContext();
        var entries = await read.AuditEntries.Where(a => a.EntityId == productId.ToString()).ToListAsync();
        Assert.Contains(entries, a => a.Field == "NameEn" && a.NewValue == "Audit pump" && a.OldValue == null);
        Assert.Contains(entries, a => a.Field == "NameZh" && a.NewValue == "测试泵");
        Assert.All(entries, a =>
        {
            Assert.Equal(AuditAction.Created, a.Action);
            Assert.Equal("Product", a.EntityType);
            Assert.Equal("auditor", a.UserName);
            Assert.Equal("u-1", a.UserId);
            Assert.Equal(Now, a.UtcTime);
        });

        // The change-set id and the enum are stored in EF's own format: EF's query parameters find them.
        var changeSet = entries[0].ChangeSetId;
        Assert.Equal(entries.Count, await read.AuditEntries.CountAsync(a => a.ChangeSetId == changeSet && a.Action == AuditAction.Created));
        Assert.Equal(entries.Count, await read.AuditEntries.CountAsync(a => a.UtcTime == Now && a.EntityId == productId.ToString()));
    }

    [Fact]
    public async Task A_one_row_update_still_writes_its_entries_in_the_same_transaction()
    {
        var product = await AddProductAsync("AT-2");
        await using (var db = NewContext())
        {
            var tracked = await db.Products.SingleAsync(p => p.Id == product);
            tracked.Update("改名泵", "Renamed pump", "DN50", "台", isStandard: true);
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var update = await read.AuditEntries.SingleAsync(a => a.EntityId == product.ToString() && a.Action == AuditAction.Updated && a.Field == "NameEn");
        Assert.Equal(("Pump AT-2", "Renamed pump"), (update.OldValue, update.NewValue));
    }

    [Fact]
    public async Task A_failed_save_leaves_no_entries_and_the_next_save_writes_only_its_own()
    {
        await AddProductAsync("AT-3");
        await using (var db = NewContext())
        {
            var duplicate = new Product("AT-3", "重复", "Duplicate", null, "台", isStandard: true);
            db.Products.Add(duplicate);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityId == duplicate.Id.ToString()));

            db.Entry(duplicate).State = EntityState.Detached;
            var next = new Product("AT-4", "下一个", "Next", null, "台", isStandard: true);
            db.Products.Add(next);
            await db.SaveChangesAsync();

            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityId == duplicate.Id.ToString()));
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == next.Id.ToString()).ToListAsync(), a => a.Field == "NameEn" && a.NewValue == "Next");
        }
    }

    [Fact]
    public async Task The_applications_own_transaction_writes_every_save_at_commit_and_nothing_when_rolled_back()
    {
        await using var db = NewContext();
        Product first, second, discarded, failed;

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            discarded = new Product("AT-5", "回滚", "Rolled back", null, "台", isStandard: true);
            db.Products.Add(discarded);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            first = new Product("AT-6", "第一", "First", null, "台", isStandard: true);
            db.Products.Add(first);
            await db.SaveChangesAsync();
            second = new Product("AT-7", "第二", "Second", null, "台", isStandard: true);
            db.Products.Add(second);
            await db.SaveChangesAsync();

            // A save that fails inside the transaction is dropped; the transaction goes on and commits.
            failed = new Product("AT-6", "重复", "Duplicate code", null, "台", isStandard: true);
            db.Products.Add(failed);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.Entry(failed).State = EntityState.Detached;
            await tx.CommitAsync();
        }

        await using var read = NewContext();
        Assert.False(await read.Products.AnyAsync(p => p.Id == discarded.Id));
        Assert.Equal(0, await read.AuditEntries.CountAsync(a => a.EntityId == discarded.Id.ToString()));
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityId == first.Id.ToString() && a.Field == "NameEn" && a.NewValue == "First"));
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityId == second.Id.ToString() && a.Field == "NameEn" && a.NewValue == "Second"));
        Assert.Equal(0, await read.AuditEntries.CountAsync(a => a.EntityId == failed.Id.ToString()));
    }

    [Fact]
    public async Task A_pooled_context_does_not_carry_a_cancelled_saves_entries_into_its_next_lease()
    {
        // The app pools its contexts (ADR 0009) and the interceptor is a singleton: what one request
        // gathered must never be written by the next request that leases the same context.
        var canceller = new CancellingInterceptor();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={_path}")
            .AddInterceptors(new VersionInterceptor(), new AuditInterceptor(new Auditor(), new FakeTimeProvider(new DateTimeOffset(Now))), canceller)
            .Options;
        var pool = new PooledDbContextFactory<SqliteAppDbContext>(options, poolSize: 1);
        var cancelled = new Product("AT-C1", "取消", "Cancelled", null, "台", isStandard: true);
        Guid instance;
        await using (var db = await pool.CreateDbContextAsync())
        {
            instance = db.ContextId.InstanceId;
            db.Products.Add(cancelled);
            canceller.Armed = true;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync());
        }

        var next = new Product("AT-C2", "下一个", "Next lease", null, "台", isStandard: true);
        await using (var db = await pool.CreateDbContextAsync())
        {
            Assert.Equal(instance, db.ContextId.InstanceId);
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Products.Add(next);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await using var read = NewContext();
        Assert.False(await read.Products.AnyAsync(p => p.Id == cancelled.Id));
        Assert.Equal(0, await read.AuditEntries.CountAsync(a => a.EntityId == cancelled.Id.ToString()));
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityId == next.Id.ToString() && a.Field == "NameEn" && a.NewValue == "Next lease"));
    }

    [Fact]
    public async Task Thousands_of_entries_in_one_save_are_split_under_the_parameter_limits()
    {
        // 500 products x 7 audited fields = 3,500 entries x 10 columns: 35,000 parameters in one INSERT would
        // exceed SQLite's 32,766 (and SQL Server's 2,100); the writer sends 200 rows per command.
        await using (var db = NewContext())
        {
            for (var i = 0; i < 500; i++)
            {
                db.Products.Add(new Product($"AT-B{i:D3}", $"批量{i}", $"Bulk {i}", "spec", "台", isStandard: true));
            }

            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var ids = (await read.Products.Where(p => p.Code.StartsWith("AT-B")).Select(p => p.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        Assert.Equal(500, ids.Count);
        var perProduct = await read.AuditEntries.Where(a => ids.Contains(a.EntityId)).GroupBy(a => a.EntityId).Select(g => g.Count()).Distinct().ToListAsync();
        var fields = Assert.Single(perProduct);
        Assert.True(fields * 500 > 32_766 / 10, $"{fields} entries per product");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task<Guid> AddProductAsync(string code)
    {
        await using var db = NewContext();
        var product = new Product(code, "泵 " + code, "Pump " + code, null, "台", isStandard: true);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    private SqliteAppDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={_path}")
        .AddInterceptors(new VersionInterceptor(), new AuditInterceptor(new Auditor(), new FakeTimeProvider(new DateTimeOffset(Now))), _commands)
        .Options);

    private sealed class Auditor : ICurrentUser
    {
        public string? UserId => "u-1";

        public string UserName => "auditor";
    }

    /// <summary>Cancels the next save after the audit interceptor has gathered its entries.</summary>
    private sealed class CancellingInterceptor : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                throw new OperationCanceledException("The request was aborted.");
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Counts the commands EF sends, by their text.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly List<string> _texts = [];

        public void Clear()
        {
            lock (_texts)
            {
                _texts.Clear();
            }
        }

        public int Count(string prefix)
        {
            lock (_texts)
            {
                return _texts.Count(t => t.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        private void Add(DbCommand command)
        {
            lock (_texts)
            {
                _texts.Add(command.CommandText);
            }
        }
    }
}
