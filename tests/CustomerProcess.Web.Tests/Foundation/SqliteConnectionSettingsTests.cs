using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class SqliteConnectionSettingsTests(AppFactory app)
{
    [Fact]
    public async Task The_apps_connections_let_sqlite_wait_for_the_write_lock_instead_of_the_drivers_150_ms_sleep()
    {
        var timeouts = await app.WithDbAsync(async db =>
        {
            // Opened by EF, as every query and SaveChanges opens it; read twice across a close and reopen.
            var first = await db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();
            await db.Database.CloseConnectionAsync();
            var second = await db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();
            return (first, second);
        });

        Assert.Equal((SqliteConnectionSettings.BusyTimeoutMilliseconds, SqliteConnectionSettings.BusyTimeoutMilliseconds), timeouts);
    }

    [Fact]
    public async Task The_apps_connections_commit_without_waiting_for_the_disk_in_wal_mode()
    {
        var (journal, synchronous) = await app.WithDbAsync(async db =>
        {
            var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
            await db.Database.CloseConnectionAsync();
            var sync = await db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
            return (mode, sync);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(SqliteConnectionSettings.Synchronous, synchronous);
    }
}
