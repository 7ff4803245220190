using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Reviews;

/// <summary>One department's section of the review form. Signing touches only this row (and adds a
/// signature), so heads of different departments can sign at the same moment without conflict.</summary>
public sealed class ReviewSection : BusinessRecord, IVersioned
{
    private ReviewSection()
    {
    }

    internal ReviewSection(Guid reviewId, string departmentCode, int sortOrder)
    {
        ReviewId = reviewId;
        DepartmentCode = departmentCode;
        SortOrder = sortOrder;
    }

    public Guid ReviewId { get; private set; }

    public string DepartmentCode { get; private set; } = "";

    public int SortOrder { get; private set; }

    public SectionStatus Status { get; private set; } = SectionStatus.Pending;

    public SectionConclusion? Conclusion { get; private set; }

    /// <summary>While the section waits for its department's signature on a review in progress: the review's opening
    /// time (the order of the department's queue); null once signed, or when the review is no longer in progress. The
    /// review keeps it (<see cref="Review"/>) so the queue reads a department's waiting sections in order from one
    /// index instead of every review in progress (bench/results/notes.md, seventh session).</summary>
    public DateTime? WaitingSinceUtc { get; private set; }

    /// <summary>Optimistic concurrency: two people signing the same section cannot both win.</summary>
    public int Version { get; private set; }

    internal bool Move(SectionStatus to, SectionConclusion? conclusion)
    {
        if (!ReviewTransitions.CanMove(Status, to))
        {
            return false;
        }

        Status = to;
        Conclusion = conclusion;
        return true;
    }

    internal void WaitSince(DateTime? sinceUtc) => WaitingSinceUtc = sinceUtc;
}

/// <summary>An electronic signature: who, in what capacity, what it means, when, on which content.
/// Signatures are never changed; a content change marks them invalidated and they stay on record.</summary>
public sealed class ReviewSignature : BusinessRecord
{
    public const int TextLength = 2000;

    private ReviewSignature()
    {
    }

    internal ReviewSignature(
        Guid reviewId,
        Guid? sectionId,
        string capacity,
        string signerUserId,
        string signerName,
        SignatureMeaning meaning,
        SectionConclusion? conclusion,
        string? comments,
        string? checkedItems,
        int orderContentVersion,
        DateTime signedAtUtc)
    {
        ReviewId = reviewId;
        SectionId = sectionId;
        Capacity = capacity;
        SignerUserId = signerUserId;
        SignerName = signerName;
        Meaning = meaning;
        Conclusion = conclusion;
        Comments = comments;
        CheckedItems = checkedItems;
        OrderContentVersion = orderContentVersion;
        SignedAtUtc = signedAtUtc;
    }

    public Guid ReviewId { get; private set; }

    public Guid? SectionId { get; private set; }

    /// <summary>Department code of the section, or "GeneralManager" / "SalesManager" for decisions.</summary>
    public string Capacity { get; private set; } = "";

    public string SignerUserId { get; private set; } = "";

    public string SignerName { get; private set; } = "";

    public SignatureMeaning Meaning { get; private set; }

    public SectionConclusion? Conclusion { get; private set; }

    public string? Comments { get; private set; }

    /// <summary>The checklist items the signer ticked, one per line.</summary>
    public string? CheckedItems { get; private set; }

    public int OrderContentVersion { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    public DateTime? InvalidatedAtUtc { get; private set; }

    public string? InvalidationReason { get; private set; }

    public bool IsValid => InvalidatedAtUtc is null;

    /// <summary>SHA-256 of the subject's content as signed (<see cref="ContentFingerprint"/>, docs/adr/0032); null on
    /// signatures from before it was kept.</summary>
    public string? ContentHash { get; private set; }

    /// <summary>Binds a new signature to the content it signed; once.</summary>
    public void BindContent(string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        if (ContentHash is not null && ContentHash != contentHash)
        {
            throw new InvalidOperationException("A signature is bound to its content once.");
        }

        ContentHash = contentHash;
    }

    internal void BlankForDisposal() => Comments = Comments is null ? null : "";

    internal void Invalidate(DateTime nowUtc, string reason)
    {
        InvalidatedAtUtc = nowUtc;
        InvalidationReason = reason;
    }
}
