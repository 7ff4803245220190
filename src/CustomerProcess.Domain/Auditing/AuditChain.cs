using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerProcess.Domain.Auditing;

/// <summary>
/// The audit trail is one global hash chain (docs/adr/0031): every entry carries its place in the chain
/// (<see cref="AuditEntry.Sequence"/>) and a SHA-256 over its own content and the previous entry's hash
/// (<see cref="AuditEntry.Hash"/>); the chain head (<see cref="AuditChainHead"/>) holds the last place
/// and hash, so a removed tail is seen too. Editing, removing or inserting a row breaks the chain at that row.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public const int HashLength = 64;

    /// <summary>Lower-case hex SHA-256 over the entry's fields (length-prefixed, so no two different
    /// entries encode alike) and the previous entry's hash.</summary>
    public static string HashOf(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        Append(text, sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, previousHash);
        Append(text, entry.UtcTime.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(text, entry.UserId);
        Append(text, entry.UserName);
        Append(text, entry.EntityType);
        Append(text, entry.EntityId);
        Append(text, entry.Action.ToString());
        Append(text, entry.Field);
        Append(text, entry.OldValue);
        Append(text, entry.NewValue);
        Append(text, entry.ChangeSetId.ToString("D"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Gives the entries (in the order they are written) their places and hashes after the head;
    /// returns the new head's place and hash.</summary>
    public static (long Sequence, string Hash) Link(IEnumerable<AuditEntry> entries, long headSequence, string headHash)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sequence = headSequence;
        var hash = headHash;
        foreach (var entry in entries)
        {
            sequence++;
            hash = HashOf(entry, sequence, hash);
            entry.Sequence = sequence;
            entry.Hash = hash;
        }

        return (sequence, hash);
    }

    // null and "" differ: a null is -1:, a string its length and the text.
    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}

/// <summary>The chain's last place and hash: one row, changed in the transaction that appends entries.</summary>
public sealed class AuditChainHead
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditChain.Genesis;
}

/// <summary>What is wrong at the first broken row.</summary>
public enum AuditChainFault
{
    /// <summary>The row's stored hash is not the hash of its content and the previous hash: it was edited.</summary>
    HashMismatch,

    /// <summary>A place in the chain is missing before this row: a row was removed.</summary>
    MissingRow,

    /// <summary>The row is not in the chain: it was inserted outside the application.</summary>
    UnchainedRow,

    /// <summary>The last chained row is not the one the chain head names: rows at the end were removed or added.</summary>
    HeadMismatch,
}

public sealed record AuditChainBreak(AuditChainFault Fault, long? EntryId, long? Sequence);

public sealed record AuditChainReport(long EntriesChecked, long HeadSequence, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>Walks the chain one row at a time (rows in <see cref="AuditEntry.Sequence"/> order), keeping only
/// the previous hash: the whole trail is checked with flat memory.</summary>
public sealed class AuditChainVerifier
{
    private long _sequence;
    private string _hash = AuditChain.Genesis;

    public long Checked { get; private set; }

    public AuditChainBreak? FirstBreak { get; private set; }

    /// <summary>Checks the next row; false once the chain is broken (the first break is kept).</summary>
    public bool Next(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FirstBreak is not null)
        {
            return false;
        }

        if (entry.Sequence is not { } sequence || entry.Hash is null)
        {
            FirstBreak = new AuditChainBreak(AuditChainFault.UnchainedRow, entry.Id, entry.Sequence);
            return false;
        }

        if (sequence != _sequence + 1)
        {
            FirstBreak = new AuditChainBreak(AuditChainFault.MissingRow, entry.Id, sequence);
            return false;
        }

        var expected = AuditChain.HashOf(entry, sequence, _hash);
        if (!string.Equals(expected, entry.Hash, StringComparison.Ordinal))
        {
            FirstBreak = new AuditChainBreak(AuditChainFault.HashMismatch, entry.Id, sequence);
            return false;
        }

        _sequence = sequence;
        _hash = entry.Hash;
        Checked++;
        return true;
    }

    /// <summary>After the last chained row: the head must name it.</summary>
    public AuditChainReport Finish(AuditChainHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (FirstBreak is null && (head.Sequence != _sequence || !string.Equals(head.Hash, _hash, StringComparison.Ordinal)))
        {
            FirstBreak = new AuditChainBreak(AuditChainFault.HeadMismatch, null, _sequence + 1);
        }

        return new AuditChainReport(Checked, head.Sequence, FirstBreak);
    }

    /// <summary>A row outside the chain found after the walk (inserted by hand).</summary>
    public void Unchained(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        FirstBreak ??= new AuditChainBreak(AuditChainFault.UnchainedRow, entry.Id, null);
    }
}
