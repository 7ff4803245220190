using System.Collections.Concurrent;
using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Operations;

/// <summary>The app started on a restored database file.</summary>
public sealed class RestoredAppFactory(string databasePath) : AppFactory(databasePath);

public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_write_load_restores_into_a_new_folder_where_the_app_starts_with_every_acknowledged_record()
    {
        using var app = new AppFactory();
        using (var client = app.CreateBrowserClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        }

        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        async Task WriteAsync(int writer)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var code = $"BK{writer}-{n:D5}";
                db.Customers.Add(new Customer(code, "备份客户 Backup " + code, CustomerClass.New, null));
                await db.SaveChangesAsync();
                acknowledged.Enqueue(code); // the save returned: the user was told it is stored
            }
        }

        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
        while (acknowledged.Count < 30)
        {
            await Task.Delay(20);
        }

        var beforeBackup = acknowledged.ToArray();
        var backupFile = Path.Combine(Path.GetTempPath(), $"cp-backup-{Guid.NewGuid():N}", "customerprocess-backup.db");
        await SqliteBackup.BackupAsync($"Data Source={app.DatabasePath}", backupFile);
        var countAfterBackup = acknowledged.Count;
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(countAfterBackup > beforeBackup.Length, "the writers kept writing while the backup ran");

        // Restore: a new folder, the backup file under the name the configuration points to, the app started on it.
        var restoredFile = Path.Combine(Path.GetTempPath(), $"cp-restore-{Guid.NewGuid():N}", "customerprocess.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredFile)!);
        File.Copy(backupFile, restoredFile);
        Directory.Delete(Path.GetDirectoryName(backupFile)!, recursive: true);

        using var restored = new RestoredAppFactory(restoredFile);
        using var restoredClient = restored.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await restoredClient.Http.GetAsync("/health/ready")).StatusCode);
        await restoredClient.SignInAsync("sales");
        var list = await restoredClient.GetAsync("/Customers?q=" + beforeBackup[0]);
        Assert.Contains(beforeBackup[0], list.Text, StringComparison.Ordinal);

        var codes = (await restored.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Code.StartsWith("BK")).Select(c => c.Code).ToListAsync())).ToHashSet();
        Assert.All(beforeBackup, code => Assert.Contains(code, codes));
        Assert.Subset(acknowledged.ToHashSet(), codes);
    }
}
