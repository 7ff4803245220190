using CustomerProcess.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>Bumps <see cref="IVersioned.Version"/> on every modified row; EF then updates only
/// when the stored version is still the one that was read (optimistic concurrency).</summary>
public sealed class VersionInterceptor : SaveHooks
{
    protected override void OnSaving(DbContext context)
    {
        // Entries() detects changes itself unless automatic detection is off; once is enough.
        if (!context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        foreach (var entry in context.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(nameof(IVersioned.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }
}
