using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// A counter per entity type, bumped after every SaveChanges that added, changed or removed a row of
/// that type in this process. Caches of derived figures (the ledger's capped count) put the counter
/// in their key, so a change is seen on the next request; a short time-to-live bounds what another
/// process (a second app instance on SQL Server) could change unseen.
/// </summary>
public sealed class ChangeGenerations : SaveHooks
{
    private readonly ConcurrentDictionary<Type, long> _generations = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = [];
    private long _anything;

    public long Of<T>() => _generations.GetValueOrDefault(typeof(T));

    /// <summary>The sum of the counters of <paramref name="types"/>: it changes with every save that changed a row of any
    /// of them, and not with saves of other types (for figures that read several tables).</summary>
    public long Of(params Type[] types) => types.Sum(t => _generations.GetValueOrDefault(t));

    /// <summary>Bumped by every save that changed a row of any type: for figures that read many tables (the menu's
    /// "Waiting for me" count).</summary>
    public long OfAnything() => Interlocked.Read(ref _anything);

    protected override void OnSaving(DbContext context) => Remember(context);

    protected override void OnSaved(DbContext context) => Bump(context);

    // A failed or cancelled save may have written before it stopped: caches re-read either way.
    protected override void OnFailed(DbContext context) => Bump(context);

    private void Remember(DbContext context)
    {
        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        _pending.AddOrUpdate(context, types);
        // Also before the write: a count read while the transaction commits is not kept.
        BumpAll(types);
    }

    private void Bump(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var types))
        {
            return;
        }

        _pending.Remove(context);
        BumpAll(types);
    }

    private void BumpAll(HashSet<Type> types)
    {
        if (types.Count == 0)
        {
            return;
        }

        foreach (var type in types)
        {
            _generations.AddOrUpdate(type, 1, (_, g) => g + 1);
        }

        Interlocked.Increment(ref _anything);
    }
}
