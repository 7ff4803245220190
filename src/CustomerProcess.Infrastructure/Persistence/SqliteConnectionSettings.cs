using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// Two settings of every SQLite connection the app opens (set on every open: two native calls, and the pooled native
/// connection keeps them anyway).
/// <para>A busy timeout: SQLite itself waits for the write lock. Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping
/// 150 ms and retrying, so when four heads sign at the same moment, the ones that find the database locked waited
/// 150 ms for a write that takes a few milliseconds (the benchmark's A4 p99 was 186 ms with a p50 of 16 ms). With a
/// busy timeout on the connection, SQLite's busy handler retries after 1, 2, 5, 10… ms.</para>
/// <para><c>synchronous = NORMAL</c> (docs/adr/0040): in WAL mode a commit then appends to the log without waiting for
/// the disk (fsync), and the log is synced when it is copied into the database (checkpoint). SQLite's default, FULL,
/// syncs the log on every commit while the writer holds the write lock, so every other writer waited for the disk too.
/// A commit survives the app's crash either way; a power cut or an operating-system crash can lose the last
/// transactions before the next checkpoint, and never leaves the database inconsistent.</para>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5_000;

    /// <summary>PRAGMA synchronous: 1 = NORMAL.</summary>
    public const int Synchronous = 1;

    public static readonly SqliteConnectionSettings Instance = new();

    private SqliteConnectionSettings()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
            SQLitePCL.raw.sqlite3_exec(handle, "PRAGMA synchronous = NORMAL;");
        }
    }
}
