using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Reviews;

/// <summary>A reason as stored: the message key and its arguments as invariant text.</summary>
public sealed record ReviewReason(string Key, IReadOnlyList<string> Arguments);

/// <summary>
/// The review of one subject (合同评审 / 产品要求评审): a sales order, a contract change, a tender invitation, a bid. Owns its sections, signatures and
/// discrepancies; every move is a named method with a guard that returns a typed error.
/// </summary>
public sealed class Review : BusinessRecord, IVersioned
{
    public const int TextLength = 4000;

    public static readonly DomainError IllegalMove = new("review.illegal-move", "The review cannot move from {0} to {1}.");
    public static readonly DomainError NotOpen = new("review.not-open", "The review is no longer open for this action.");
    public static readonly DomainError NoSuchSection = new("review.no-section", "This review has no {0} section.");
    public static readonly DomainError AlreadySigned = new("review.already-signed", "The {0} section is already signed.");
    public static readonly DomainError OpenDiscrepancyOfDepartment = new("review.own-discrepancy-open", "Your department's discrepancy must be resolved and confirmed before you sign.");
    public static readonly DomainError StaleForm = DomainError.Conflict("review.stale", "The order changed after you opened the form. Reload the page and review the current content.");
    public static readonly DomainError DiscrepanciesOpen = new("review.discrepancies-open", "The review cannot conclude while a discrepancy is open.");
    public static readonly DomainError SectionsPending = new("review.sections-pending", "Every section must be signed first.");
    public static readonly DomainError NeedsGeneralManager = new("review.needs-gm", "This level needs the general manager's approval.");
    public static readonly DomainError NoGeneralManagerNeeded = new("review.no-gm", "This level is concluded by the sales manager.");
    public static readonly DomainError MeetingNotRecorded = new("review.meeting-missing", "Record the review meeting (date, attendees, minutes) first.");
    public static readonly DomainError OralNotConfirmed = new("review.oral-unconfirmed", "The customer's confirmation of this oral order is not recorded yet.");
    public static readonly DomainError CannotLower = new("review.cannot-lower", "The review level can only be raised, never lowered.");
    public static readonly DomainError NoSuchDiscrepancy = DomainError.NotFound("review.no-discrepancy", "The discrepancy does not exist.");
    public static readonly DomainError DiscrepancyState = new("review.discrepancy-state", "The discrepancy is {0}; this action is not possible.");
    public static readonly DomainError NotRaisingDepartment = new("review.not-raiser", "Only the department that raised the discrepancy can confirm or reopen it.");
    public static readonly DomainError SectionNotPending = new("review.section-signed", "The {0} section is signed; a discrepancy is raised instead of signing.");
    public static readonly DomainError RejectedSection = new("review.section-rejected", "Section {0} rejected the order: {1}");

    private readonly List<ReviewSection> _sections = [];
    private readonly List<ReviewSignature> _signatures = [];
    private readonly List<Discrepancy> _discrepancies = [];

    private Review()
    {
    }

    private Review(ReviewSubjectKind kind, Guid subjectId, ReviewDecision decision, ReviewThresholds thresholds, int contentVersion, DateTime nowUtc)
    {
        SubjectKind = kind;
        SubjectId = subjectId;
        Level = decision.Level;
        RoutedLevel = decision.Level;
        Reasons = decision.Reasons.Select(ToReason).ToList();
        FullReviewAmount = thresholds.FullReviewAmount;
        ReviewMeetingAmount = thresholds.ReviewMeetingAmount;
        BillOfLadingAmount = thresholds.BillOfLadingAmount;
        Concluder = decision.Concluder;
        ContentVersion = contentVersion;
        OpenedAtUtc = nowUtc;
        AddSections(decision.Departments);
    }

    public ReviewSubjectKind SubjectKind { get; private set; }

    /// <summary>The reviewed record (an order, a contract change, a tender invitation, a bid) by <see cref="SubjectKind"/>.</summary>
    public Guid SubjectId { get; private set; }

    public ReviewLevel Level { get; private set; }

    /// <summary>The level the rules chose; Level differs when a sales manager raised it.</summary>
    public ReviewLevel RoutedLevel { get; private set; }

    public IReadOnlyList<ReviewReason> Reasons { get; private set; } = [];

    public decimal FullReviewAmount { get; private set; }

    public decimal ReviewMeetingAmount { get; private set; }

    public decimal BillOfLadingAmount { get; private set; }

    public ReviewConcluder Concluder { get; private set; }

    public bool RequiresGeneralManager => Concluder == ReviewConcluder.GeneralManager;

    public ReviewStatus Status { get; private set; } = ReviewStatus.InProgress;

    /// <summary>The subject's content version the review works on.</summary>
    public int ContentVersion { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public string? RaisedByName { get; private set; }

    public string? RaiseReason { get; private set; }

    public DateOnly? MeetingDate { get; private set; }

    public string? MeetingAttendees { get; private set; }

    public string? MeetingMinutes { get; private set; }

    public string? DecisionByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionComment { get; private set; }

    /// <summary>Optimistic concurrency on the review row (state changes, not signatures).</summary>
    public int Version { get; private set; }

    /// <summary>The customer's class the rules used when the review was opened (issue #16); null when not recorded
    /// (reviews opened before it was kept, subjects without a customer).</summary>
    public Customers.CustomerClass? CustomerClassAtSubmission { get; private set; }

    /// <summary>The customer's credit rating at submission (a review point of finance's section); null when not recorded.</summary>
    public Customers.CreditRating? CreditRatingAtSubmission { get; private set; }

    /// <summary>The customer's credit limit at submission; null when not recorded.</summary>
    public decimal? CreditLimitAtSubmission { get; private set; }

    /// <summary>The disposal that blanked this review's texts after its retention period (ADR 0041); null while kept.</summary>
    public Guid? DisposalId { get; private set; }

    public DateTime? DisposedAtUtc { get; private set; }

    public IReadOnlyList<ReviewSection> Sections => _sections;

    public IReadOnlyList<ReviewSignature> Signatures => _signatures;

    public IReadOnlyList<Discrepancy> Discrepancies => _discrepancies;

    public ReviewThresholds Thresholds => new(FullReviewAmount, ReviewMeetingAmount, BillOfLadingAmount);

    public bool HasOpenDiscrepancies => _discrepancies.Any(d => d.Status != DiscrepancyStatus.Confirmed);

    public bool AllSectionsSigned => _sections.All(s => s.Status == SectionStatus.Signed);

    public bool MeetingRecorded => Level != ReviewLevel.ReviewMeeting || (MeetingDate is not null && !string.IsNullOrWhiteSpace(MeetingMinutes));

    public static Review Open(ReviewSubjectKind kind, Guid subjectId, ReviewDecision decision, ReviewThresholds thresholds, int contentVersion, DateTime nowUtc) =>
        new(kind, subjectId, decision, thresholds, contentVersion, nowUtc);

    /// <summary>Keeps what the rules saw of the customer when the review was opened, so the form shows it even after the
    /// customer's class or credit changes (issue #16).</summary>
    public void RecordCustomerAtSubmission(Customers.CustomerClass customerClass, Customers.CreditRating creditRating, decimal creditLimit)
    {
        CustomerClassAtSubmission = customerClass;
        CreditRatingAtSubmission = creditRating;
        CreditLimitAtSubmission = creditLimit;
    }

    public ReviewSection? SectionFor(string department) => _sections.FirstOrDefault(s => s.DepartmentCode == department);

    public ReviewSignature? CurrentSignatureOf(ReviewSection section) =>
        _signatures.Where(s => s.SectionId == section.Id && s.IsValid).OrderByDescending(s => s.SignedAtUtc).FirstOrDefault();

    /// <summary>A department head signs the section (after re-entering the password, checked outside).</summary>
    public Result<ReviewSignature> Sign(
        string department, string signerUserId, string signerName, SectionConclusion conclusion,
        string? comments, IReadOnlyList<string> checkedItems, int formContentVersion, int currentContentVersion, DateTime nowUtc)
    {
        if (Status != ReviewStatus.InProgress)
        {
            return NotOpen;
        }

        var section = SectionFor(department);
        if (section is null)
        {
            return new DomainError(NoSuchSection.Code, NoSuchSection.MessageKey, department);
        }

        if (formContentVersion != currentContentVersion)
        {
            return StaleForm;
        }

        if (_discrepancies.Any(d => d.DepartmentCode == department && d.Status != DiscrepancyStatus.Confirmed))
        {
            return OpenDiscrepancyOfDepartment;
        }

        if (!section.Move(SectionStatus.Signed, conclusion))
        {
            return new DomainError(AlreadySigned.Code, AlreadySigned.MessageKey, department);
        }

        KeepWaitingTimes();

        var signature = new ReviewSignature(
            Id, section.Id, department, signerUserId, signerName,
            conclusion == SectionConclusion.Reject ? SignatureMeaning.Rejected : SignatureMeaning.Reviewed,
            conclusion, comments, checkedItems.Count == 0 ? null : string.Join('\n', checkedItems), currentContentVersion, nowUtc);
        _signatures.Add(signature);
        return Result<ReviewSignature>.Success(signature);
    }

    public Result<Discrepancy> RaiseDiscrepancy(string department, string userId, string userName, string clause, string description, DateTime nowUtc)
    {
        if (Status is not (ReviewStatus.InProgress or ReviewStatus.AwaitingApproval))
        {
            return NotOpen;
        }

        var section = SectionFor(department);
        if (section is null)
        {
            return new DomainError(NoSuchSection.Code, NoSuchSection.MessageKey, department);
        }

        if (section.Status != SectionStatus.Pending)
        {
            return new DomainError(SectionNotPending.Code, SectionNotPending.MessageKey, department);
        }

        var discrepancy = new Discrepancy(Id, _discrepancies.Count + 1, department, userId, userName, clause, description, nowUtc);
        _discrepancies.Add(discrepancy);
        if (Status == ReviewStatus.AwaitingApproval)
        {
            MoveTo(ReviewStatus.InProgress);
        }

        return Result<Discrepancy>.Success(discrepancy);
    }

    /// <summary>The sales manager records how the customer clarified it. When the order's content
    /// changes, every valid signature is invalidated and each section must be signed again.</summary>
    public Result ResolveDiscrepancy(Guid discrepancyId, string resolution, EvidenceType evidence, string? reference, bool changesContent, string byName, int newContentVersion, DateTime nowUtc)
    {
        if (Status is not (ReviewStatus.InProgress or ReviewStatus.AwaitingApproval))
        {
            return NotOpen;
        }

        var discrepancy = _discrepancies.FirstOrDefault(d => d.Id == discrepancyId);
        if (discrepancy is null)
        {
            return NoSuchDiscrepancy;
        }

        if (!discrepancy.Resolve(resolution, evidence, reference, changesContent, byName, nowUtc))
        {
            return new DomainError(DiscrepancyState.Code, DiscrepancyState.MessageKey, discrepancy.Status);
        }

        if (changesContent)
        {
            InvalidateSignatures(nowUtc, $"Discrepancy {discrepancy.Number} changed the order");
            ContentVersion = newContentVersion;
            if (Status == ReviewStatus.AwaitingApproval)
            {
                MoveTo(ReviewStatus.InProgress);
            }
        }

        return Result.Success();
    }

    public Result ConfirmDiscrepancy(Guid discrepancyId, string department, string byName, DateTime nowUtc) =>
        WithDiscrepancy(discrepancyId, department, d => d.Confirm(byName, nowUtc));

    public Result ReopenDiscrepancy(Guid discrepancyId, string department, string reason) =>
        WithDiscrepancy(discrepancyId, department, d => d.Reopen(reason));

    public Result RecordMeeting(DateOnly date, string attendees, string minutes)
    {
        if (Status is not (ReviewStatus.InProgress or ReviewStatus.AwaitingApproval))
        {
            return NotOpen;
        }

        MeetingDate = date;
        MeetingAttendees = attendees;
        MeetingMinutes = minutes;
        return Result.Success();
    }

    /// <summary>A sales manager may raise the level (adding sections), never lower it.</summary>
    public Result RaiseLevel(ReviewDecision decision, string byName, string reason)
    {
        if (Status != ReviewStatus.InProgress)
        {
            return NotOpen;
        }

        if (decision.Level <= Level)
        {
            return CannotLower;
        }

        Level = decision.Level;
        Concluder = decision.Concluder;
        RaisedByName = byName;
        RaiseReason = reason;
        AddSections(decision.Departments.Where(d => SectionFor(d) is null));
        return Result.Success();
    }

    /// <summary>
    /// After signatures or confirmations: a rejected section ends the review; a complete review that
    /// needs the GM goes to approval. Returns true when the status changed.
    /// </summary>
    public bool Advance(DateTime nowUtc)
    {
        if (Status != ReviewStatus.InProgress || !AllSectionsSigned)
        {
            return false;
        }

        var rejected = _sections.FirstOrDefault(s => s.Conclusion == SectionConclusion.Reject);
        if (rejected is not null)
        {
            var signature = CurrentSignatureOf(rejected);
            Decide(ReviewStatus.Rejected, signature?.SignerName, rejected.DepartmentCode + ": " + signature?.Comments, nowUtc);
            return true;
        }

        if (RequiresGeneralManager && !HasOpenDiscrepancies && MeetingRecorded)
        {
            MoveTo(ReviewStatus.AwaitingApproval);
            return true;
        }

        return false;
    }

    /// <summary>After any act on the review: a complete review moves on (<see cref="Advance"/>) and the subject
    /// follows the review's status; both are saved with the act, in one save.</summary>
    public Result MoveOn(IReviewedSubject subject, DateTime nowUtc)
    {
        if (subject.Kind != SubjectKind || subject.Id != SubjectId)
        {
            throw new InvalidOperationException($"Review {Id} reviews {SubjectKind} {SubjectId}, not {subject.Kind} {subject.Id}.");
        }

        Advance(nowUtc);
        return subject.FollowReview(this, nowUtc);
    }

    /// <summary>Confirmation and simplified levels (and reviews a business unit head concludes): the concluder
    /// concludes; the signature's capacity is the concluder. The subject's own precondition must hold.</summary>
    public Result<ReviewSignature> Conclude(string userId, string userName, string? comment, IReviewedSubject subject, DateTime nowUtc)
    {
        if (Concluder == ReviewConcluder.GeneralManager)
        {
            return NeedsGeneralManager;
        }

        return Decision(ReviewStatus.InProgress, userId, userName, Concluder.ToString(), SignatureMeaning.Concluded, comment, subject, nowUtc);
    }

    /// <summary>Full and meeting levels: the general manager approves (re-authenticated outside).</summary>
    public Result<ReviewSignature> Approve(string userId, string userName, string? comment, IReviewedSubject subject, DateTime nowUtc)
    {
        if (Concluder != ReviewConcluder.GeneralManager)
        {
            return NoGeneralManagerNeeded;
        }

        return Decision(ReviewStatus.AwaitingApproval, userId, userName, nameof(ReviewConcluder.GeneralManager), SignatureMeaning.Approved, comment, subject, nowUtc);
    }

    public Result<ReviewSignature> RejectByGeneralManager(string userId, string userName, string reason, DateTime nowUtc)
    {
        if (Concluder != ReviewConcluder.GeneralManager)
        {
            return NoGeneralManagerNeeded;
        }

        if (Status != ReviewStatus.AwaitingApproval)
        {
            return NotOpen;
        }

        var signature = new ReviewSignature(Id, null, "GeneralManager", userId, userName, SignatureMeaning.Rejected, SectionConclusion.Reject, reason, null, ContentVersion, nowUtc);
        _signatures.Add(signature);
        Decide(ReviewStatus.Rejected, userName, reason, nowUtc);
        return Result<ReviewSignature>.Success(signature);
    }

    /// <summary>The content a disposal blanks, in a fixed order, for the disposal's hash (ADR 0041).</summary>
    public string RetainedContent(string number) =>
        string.Join('\n', new[] { number, RaiseReason ?? "", MeetingMinutes ?? "", DecisionComment ?? "" }
            .Concat(_signatures.OrderBy(s => s.SignedAtUtc).ThenBy(s => s.Capacity, StringComparer.Ordinal).Select(s => s.Comments ?? ""))
            .Concat(_discrepancies.OrderBy(d => d.Number).SelectMany(d => new[] { d.Clause, d.Description, d.Resolution ?? "", d.EvidenceReference ?? "", d.ReopenReason ?? "" })));

    /// <summary>Disposal after the retention period (ADR 0041): level, status, thresholds, dates, sections with their
    /// conclusions and checked items, the signers with their capacities, times and content hashes, the meeting's date and
    /// attendees, and the discrepancies' departments, states and people stay; the free texts are blanked.</summary>
    public Result MarkDisposed(string number, Guid disposalId, DateTime nowUtc)
    {
        if (DecidedAtUtc is null)
        {
            return Retention.DisposalRecord.NotClosed.With(number);
        }

        if (DisposalId is not null)
        {
            return Retention.DisposalRecord.AlreadyDisposed.With(number);
        }

        DisposalId = disposalId;
        DisposedAtUtc = nowUtc;
        RaiseReason = RaiseReason is null ? null : "";
        MeetingMinutes = MeetingMinutes is null ? null : "";
        DecisionComment = DecisionComment is null ? null : "";
        foreach (var signature in _signatures)
        {
            signature.BlankForDisposal();
        }

        foreach (var discrepancy in _discrepancies)
        {
            discrepancy.BlankForDisposal();
        }

        return Result.Success();
    }

    public Result Withdraw(string byName, string reason, DateTime nowUtc)
    {
        if (!ReviewTransitions.CanMove(Status, ReviewStatus.Withdrawn))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, ReviewStatus.Withdrawn);
        }

        Decide(ReviewStatus.Withdrawn, byName, reason, nowUtc);
        return Result.Success();
    }

    private Result<ReviewSignature> Decision(ReviewStatus expected, string userId, string userName, string capacity, SignatureMeaning meaning, string? comment, IReviewedSubject subject, DateTime nowUtc)
    {
        if (Status != expected)
        {
            return Status == ReviewStatus.InProgress && !AllSectionsSigned ? SectionsPending : NotOpen;
        }

        if (!AllSectionsSigned)
        {
            return SectionsPending;
        }

        if (HasOpenDiscrepancies)
        {
            return DiscrepanciesOpen;
        }

        if (!MeetingRecorded)
        {
            return MeetingNotRecorded;
        }

        if (subject.Kind != SubjectKind || subject.Id != SubjectId)
        {
            throw new InvalidOperationException($"Review {Id} reviews {SubjectKind} {SubjectId}, not {subject.Kind} {subject.Id}.");
        }

        var mayConclude = subject.MayConclude(this);
        if (!mayConclude.Succeeded)
        {
            return mayConclude.Error!;
        }

        var rejected = _sections.FirstOrDefault(s => s.Conclusion == SectionConclusion.Reject);
        if (rejected is not null)
        {
            return new DomainError(RejectedSection.Code, RejectedSection.MessageKey, rejected.DepartmentCode, CurrentSignatureOf(rejected)?.Comments ?? "");
        }

        var signature = new ReviewSignature(Id, null, capacity, userId, userName, meaning, SectionConclusion.Accept, comment, null, ContentVersion, nowUtc);
        _signatures.Add(signature);
        Decide(ReviewStatus.Approved, userName, comment, nowUtc);
        return Result<ReviewSignature>.Success(signature);
    }

    private void Decide(ReviewStatus to, string? byName, string? comment, DateTime nowUtc)
    {
        if (!ReviewTransitions.CanMove(Status, to))
        {
            throw new InvalidOperationException($"Review transition {Status} → {to} is not in the table.");
        }

        MoveTo(to);
        DecisionByName = byName;
        DecisionComment = comment;
        DecidedAtUtc = nowUtc;
    }

    private Result WithDiscrepancy(Guid discrepancyId, string department, Func<Discrepancy, bool> action)
    {
        if (Status is not (ReviewStatus.InProgress or ReviewStatus.AwaitingApproval))
        {
            return NotOpen;
        }

        var discrepancy = _discrepancies.FirstOrDefault(d => d.Id == discrepancyId);
        if (discrepancy is null)
        {
            return NoSuchDiscrepancy;
        }

        if (discrepancy.DepartmentCode != department)
        {
            return NotRaisingDepartment;
        }

        return action(discrepancy)
            ? Result.Success()
            : new DomainError(DiscrepancyState.Code, DiscrepancyState.MessageKey, discrepancy.Status);
    }

    private void InvalidateSignatures(DateTime nowUtc, string reason)
    {
        foreach (var signature in _signatures.Where(s => s.IsValid && s.SectionId is not null))
        {
            signature.Invalidate(nowUtc, reason);
        }

        foreach (var section in _sections.Where(s => s.Status == SectionStatus.Signed))
        {
            section.Move(SectionStatus.Pending, null);
        }

        KeepWaitingTimes();
    }

    private void AddSections(IEnumerable<string> departments)
    {
        foreach (var department in departments)
        {
            var order = ReviewDepartments.FormOrder.ToList().IndexOf(department);
            _sections.Add(new ReviewSection(Id, department, order < 0 ? 99 : order));
        }

        KeepWaitingTimes();
    }

    private void MoveTo(ReviewStatus to)
    {
        Status = to;
        KeepWaitingTimes();
    }

    /// <summary>Every change of the review's status or of a section's goes through here: a section waits for its
    /// department (<see cref="ReviewSection.WaitingSinceUtc"/>) while it is pending on a review in progress.</summary>
    private void KeepWaitingTimes()
    {
        foreach (var section in _sections)
        {
            section.WaitSince(Status == ReviewStatus.InProgress && section.Status == SectionStatus.Pending ? OpenedAtUtc : null);
        }
    }

    private static ReviewReason ToReason(RuleFinding finding) =>
        new(finding.ReasonKey, finding.Arguments.Select(a => a is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : a.ToString() ?? "").ToList());
}
