using Microsoft.Data.Sqlite;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// Online backup of the SQLite database while the app runs: SQLite's backup API copies every page of the live
/// database under one read transaction, so the copy is the database as of one moment (every record committed
/// before the backup started is in it) while the app keeps reading and writing (WAL mode). Attachments are
/// stored in the database, so this one file holds everything. The copy is written next to the target and
/// renamed when complete and checked, and it is switched out of WAL mode so it is one self-contained file.
/// Restore: stop the app, put the file where <c>ConnectionStrings:Default</c> points (no <c>-wal</c>/<c>-shm</c>
/// files beside it), start the app (README, "Backup and restore").
/// </summary>
public static class SqliteBackup
{
    public static async Task BackupAsync(string connectionString, string targetPath, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists; a backup does not overwrite a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var source = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new FileNotFoundException($"No database at {source.DataSource}.", source.DataSource);
        }

        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA journal_mode=DELETE;";
            await check.ExecuteScalarAsync(cancellationToken);
            check.CommandText = "PRAGMA integrity_check;";
            var integrity = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (integrity != "ok")
            {
                throw new InvalidOperationException($"The backup failed its integrity check: {integrity}");
            }
        }

        File.Move(partial, target);
    }
}
