using CustomerProcess.Domain.Auditing;

namespace CustomerProcess.Domain.Tests.Auditing;

/// <summary>docs/adr/0031: the audit chain's hashing and its verification, row by row.</summary>
public sealed class AuditChainTests
{
    private static AuditEntry Entry(int n) => new()
    {
        Id = n,
        UtcTime = new DateTime(2026, 12, 4, 8, 0, n, DateTimeKind.Utc),
        UserId = "u-1",
        UserName = "quality",
        EntityType = "Complaint",
        EntityId = "c-" + n,
        Action = AuditAction.Updated,
        Field = "Answer",
        OldValue = null,
        NewValue = "answer " + n,
        ChangeSetId = new Guid(n, 0, 0, new byte[8]),
    };

    private static (List<AuditEntry> Rows, AuditChainHead Head) Chain(int count)
    {
        var rows = Enumerable.Range(1, count).Select(Entry).ToList();
        var (sequence, hash) = AuditChain.Link(rows, 0, AuditChain.Genesis);
        return (rows, new AuditChainHead { Sequence = sequence, Hash = hash });
    }

    private static AuditChainReport Verify(IEnumerable<AuditEntry> rows, AuditChainHead head)
    {
        var verifier = new AuditChainVerifier();
        foreach (var row in rows)
        {
            if (!verifier.Next(row))
            {
                break;
            }
        }

        return verifier.Finish(head);
    }

    [Fact]
    public void Linking_gives_consecutive_places_and_each_hash_covers_the_previous_one()
    {
        var (rows, head) = Chain(3);

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence!.Value));
        Assert.Equal(AuditChain.HashOf(rows[0], 1, AuditChain.Genesis), rows[0].Hash);
        Assert.Equal(AuditChain.HashOf(rows[1], 2, rows[0].Hash!), rows[1].Hash);
        Assert.Equal(3, head.Sequence);
        Assert.Equal(rows[2].Hash, head.Hash);
        Assert.All(rows, r => Assert.Equal(AuditChain.HashLength, r.Hash!.Length));
    }

    [Fact]
    public void The_hash_is_the_same_for_the_same_content_and_previous_hash()
    {
        Assert.Equal(AuditChain.HashOf(Entry(1), 1, AuditChain.Genesis), AuditChain.HashOf(Entry(1), 1, AuditChain.Genesis));
    }

    public static TheoryData<string> Edits => ["UtcTime", "UserId", "UserName", "EntityType", "EntityId", "Action", "Field", "OldValue", "NewValue", "ChangeSetId", "NullToEmpty"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void The_hash_changes_when_any_field_changes(string field)
    {
        var original = AuditChain.HashOf(Entry(1), 1, AuditChain.Genesis);
        var edited = Entry(1);
        switch (field)
        {
            case "UtcTime": edited.UtcTime = edited.UtcTime.AddTicks(1); break;
            case "UserId": edited.UserId = "u-2"; break;
            case "UserName": edited.UserName = "qualitY"; break;
            case "EntityType": edited.EntityType = "Contract"; break;
            case "EntityId": edited.EntityId = "c-2"; break;
            case "Action": edited.Action = AuditAction.Created; break;
            case "Field": edited.Field = "Answer2"; break;
            case "OldValue": edited.OldValue = "x"; break;
            case "NewValue": edited.NewValue = "answer 2"; break;
            case "ChangeSetId": edited.ChangeSetId = Guid.Empty; break;
            case "NullToEmpty": edited.OldValue = ""; break;
        }

        Assert.NotEqual(original, AuditChain.HashOf(edited, 1, AuditChain.Genesis));
    }

    [Fact]
    public void The_hash_changes_with_the_place_and_the_previous_hash_and_fields_do_not_run_into_each_other()
    {
        var original = AuditChain.HashOf(Entry(1), 1, AuditChain.Genesis);
        Assert.NotEqual(original, AuditChain.HashOf(Entry(1), 2, AuditChain.Genesis));
        Assert.NotEqual(original, AuditChain.HashOf(Entry(1), 1, new string('1', 64)));

        var a = Entry(1);
        a.OldValue = "ab";
        a.NewValue = "c";
        var b = Entry(1);
        b.OldValue = "a";
        b.NewValue = "bc";
        Assert.NotEqual(AuditChain.HashOf(a, 1, AuditChain.Genesis), AuditChain.HashOf(b, 1, AuditChain.Genesis));
    }

    [Fact]
    public void An_untouched_chain_verifies_to_its_head()
    {
        var (rows, head) = Chain(5);

        var report = Verify(rows, head);

        Assert.True(report.Intact);
        Assert.Equal(5, report.EntriesChecked);
    }

    [Fact]
    public void An_empty_chain_at_its_genesis_head_is_intact()
    {
        Assert.True(Verify([], new AuditChainHead()).Intact);
    }

    [Fact]
    public void An_edited_row_is_named_as_the_first_break_and_rows_before_it_count_as_checked()
    {
        var (rows, head) = Chain(5);
        rows[2].NewValue = "forged";

        var report = Verify(rows, head);

        Assert.Equal(new AuditChainBreak(AuditChainFault.HashMismatch, 3, 3), report.FirstBreak);
        Assert.Equal(2, report.EntriesChecked);
    }

    [Fact]
    public void A_row_whose_hash_was_recomputed_after_an_edit_breaks_the_next_row()
    {
        var (rows, head) = Chain(5);
        rows[2].NewValue = "forged";
        rows[2].Hash = AuditChain.HashOf(rows[2], 3, rows[1].Hash!);

        Assert.Equal(new AuditChainBreak(AuditChainFault.HashMismatch, 4, 4), Verify(rows, head).FirstBreak);
    }

    [Fact]
    public void A_removed_row_is_named_by_the_row_after_the_gap()
    {
        var (rows, head) = Chain(5);
        rows.RemoveAt(1);

        Assert.Equal(new AuditChainBreak(AuditChainFault.MissingRow, 3, 3), Verify(rows, head).FirstBreak);
    }

    [Fact]
    public void A_removed_last_row_leaves_the_chain_short_of_its_head()
    {
        var (rows, head) = Chain(5);
        rows.RemoveAt(4);

        Assert.Equal(new AuditChainBreak(AuditChainFault.HeadMismatch, null, 5), Verify(rows, head).FirstBreak);
    }

    [Fact]
    public void A_row_without_a_place_is_an_unchained_row()
    {
        var (rows, head) = Chain(3);
        var verifier = new AuditChainVerifier();
        foreach (var row in rows)
        {
            Assert.True(verifier.Next(row));
        }

        verifier.Unchained(Entry(9));

        Assert.Equal(new AuditChainBreak(AuditChainFault.UnchainedRow, 9, null), verifier.Finish(head).FirstBreak);
    }
}
