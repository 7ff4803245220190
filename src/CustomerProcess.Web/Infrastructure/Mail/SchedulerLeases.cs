using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// The database lock of ADR 0026: one conditional UPDATE takes or renews the lease when it is free, expired or already
/// ours — atomic on SQLite and SQL Server alike, so of several instances exactly one runs the scheduled work. The row
/// is inserted on first use (of two instances inserting at once, the primary key lets one win).
/// </summary>
public sealed class SchedulerLeases(AppDbContext db, TimeProvider clock)
{
    /// <summary>This process's name in the lease: machine, process id and a random part (two test hosts in one process differ).</summary>
    public static string DefaultHolder { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.SchedulerLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.SchedulerLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        try
        {
            db.SchedulerLeases.Add(new SchedulerLease(name));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // another instance inserted it first; the UPDATE below decides
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return await db.SchedulerLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken) == 1;
    }

    private static string Truncate(string holder) => holder.Length > SchedulerLease.HolderLength ? holder[^SchedulerLease.HolderLength..] : holder;

    /// <summary>Gives the lease up (shutdown), so another instance takes over at once.</summary>
    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        db.SchedulerLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, DateTime.MinValue), cancellationToken);
}
