using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// A counter per entity type, bumped after every SaveChanges that added, changed or removed a row of
/// that type in this process. Caches of derived figures (the ledger's capped count) put the counter
/// in their key, so a change is seen on the next request; a short time-to-live bounds what another
/// process (a second app instance on SQL Server) could change unseen.
/// </summary>
public sealed class ChangeGenerations : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<Type, long> _generations = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = [];

    public long Of<T>() => _generations.GetValueOrDefault(typeof(T));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Bump(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        _pending.AddOrUpdate(context, types);
        // Also before the write: a count read while the transaction commits is not kept.
        foreach (var type in types)
        {
            _generations.AddOrUpdate(type, 1, (_, g) => g + 1);
        }
    }

    private void Bump(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var types))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var type in types)
        {
            _generations.AddOrUpdate(type, 1, (_, g) => g + 1);
        }
    }
}
