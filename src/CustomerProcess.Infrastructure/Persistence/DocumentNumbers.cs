using CustomerProcess.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// Hands out document numbers (HT-2026-0001 …) from a counter row changed in the caller's
/// SaveChanges. Two callers racing for the same number collide on the row's version; the loser
/// retries with <see cref="ConcurrencyRetry"/>, so numbers stay unique and without gaps.
/// </summary>
public sealed class DocumentNumbers(AppDbContext db)
{
    public async Task<string> NextAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        var key = DocumentSequence.KeyFor(prefix, year);
        var sequence = await db.DocumentSequences.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (sequence is null)
        {
            sequence = new DocumentSequence(key);
            db.DocumentSequences.Add(sequence);
        }

        return DocumentSequence.Format(prefix, year, sequence.Next());
    }
}

public static class ConcurrencyRetry
{
    /// <summary>Runs an action that ends in SaveChanges; on a concurrency or unique-key conflict the
    /// change tracker is cleared and the action runs again on fresh data.</summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> action, int attempts = 8)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }
}
