using CustomerProcess.Domain.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Infrastructure.Auditing;

/// <summary>
/// Walks the whole audit chain in order (streamed, one row in memory at a time) and names the first
/// broken row (docs/adr/0031). Used by the quality head's page (/Audit/Verify) and the
/// <c>verify-audit</c> command.
/// </summary>
public static class AuditVerification
{
    public static async Task<AuditChainReport> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken)
            ?? new AuditChainHead { Sequence = -1, Hash = "" };
        var verifier = new AuditChainVerifier();
        await foreach (var entry in db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence != null)
            .OrderBy(a => a.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (!verifier.Next(entry))
            {
                break;
            }
        }

        var unchained = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence == null)
            .OrderBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (unchained is not null)
        {
            verifier.Unchained(unchained);
        }

        return verifier.Finish(head);
    }

    /// <summary>
    /// Rows written before the chain existed (a database migrated from before ADR 0031) are chained once, in
    /// the order they were written, while the head is still at the start. After that a row without a place is
    /// one inserted by hand and stays a break.
    /// </summary>
    public static async Task<int> ChainRowsFromBeforeTheChainAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        if (head is not { Sequence: 0 } || !await db.AuditEntries.AnyAsync(a => a.Sequence == null, cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = 0L;
        var hash = AuditChain.Genesis;
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            sequence++;
            hash = AuditChain.HashOf(row, sequence, hash);
            var (id, place, rowHash) = (row.Id, sequence, hash);
            await db.AuditEntries.Where(a => a.Id == id && a.Sequence == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, place).SetProperty(a => a.Hash, rowHash), cancellationToken);
        }

        var (last, lastHash) = (sequence, hash);
        var moved = await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId && h.Sequence == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, last).SetProperty(h => h.Hash, lastHash), cancellationToken);
        if (moved != 1)
        {
            // Another instance chained them first.
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
