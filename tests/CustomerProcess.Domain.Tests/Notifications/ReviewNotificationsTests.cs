using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Tests.Notifications;

/// <summary>Who hears of a review act, for every reviewed subject (docs/process.md §4, §4.1, §6): the review engine does
/// not know what it reviews, so an order, a contract change, a tender's go/no-go and a bid notify the same people.</summary>
public sealed class ReviewNotificationsTests
{
    private static readonly NotificationDirectory Directory = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            [Roles.SalesManager] = ["sm"],
            [Roles.GeneralManager] = ["gm"],
            [Roles.BusinessUnitHead] = ["bu"],
        },
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["Sales"] = ["sm"],
            ["Quality"] = ["qhead", "deputy-q"],
            ["Production"] = ["prod"],
            ["Technical"] = ["tech"],
        });

    public static TheoryData<ReviewSubjectKind> Subjects => new(Enum.GetValues<ReviewSubjectKind>());

    private static ReviewActOutcome Nothing(ReviewSubjectKind subject, ReviewConcluder concluder = ReviewConcluder.GeneralManager) =>
        new(subject, "sales1", concluder, [], 0, [], false);

    private static IReadOnlyList<(NotificationKind Kind, IReadOnlyList<string> Users)> Notified(ReviewActOutcome outcome, string? actor = null) =>
        ReviewNotifications.Of(outcome).Select(e => (e.Kind, NotificationRecipients.For(e, Directory, actor))).ToList();

    [Theory]
    [MemberData(nameof(Subjects))]
    public void An_opened_review_notifies_the_signers_of_every_pending_section_but_not_the_one_who_opened_it(ReviewSubjectKind subject)
    {
        var notified = Assert.Single(Notified(Nothing(subject) with { SectionsNowPending = ["Sales", "Quality", "Production"] }, actor: "sm"));

        Assert.Equal(NotificationKind.SectionAwaitingSignature, notified.Kind);
        Assert.Equal(["qhead", "deputy-q", "prod"], notified.Users);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_raised_discrepancy_notifies_the_sales_manager_and_the_subjects_salesperson(ReviewSubjectKind subject)
    {
        var notified = Assert.Single(Notified(Nothing(subject) with { DiscrepanciesRaised = 1 }, actor: "tech"));

        Assert.Equal(NotificationKind.DiscrepancyRaised, notified.Kind);
        Assert.Equal(["sm", "sales1"], notified.Users);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Two_discrepancies_raised_in_one_act_are_two_notifications(ReviewSubjectKind subject) =>
        Assert.Equal(2, Notified(Nothing(subject) with { DiscrepanciesRaised = 2 }).Count);

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_resolved_discrepancy_notifies_the_raising_department_for_its_confirmation(ReviewSubjectKind subject)
    {
        var notified = Assert.Single(Notified(Nothing(subject) with { DiscrepanciesResolvedFor = ["Quality"] }, actor: "sm"));

        Assert.Equal(NotificationKind.DiscrepancyResolved, notified.Kind);
        Assert.Equal(["qhead", "deputy-q"], notified.Users);
    }

    [Theory]
    [InlineData(ReviewSubjectKind.SalesOrder, ReviewConcluder.SalesManager, "sm")]
    [InlineData(ReviewSubjectKind.SalesOrder, ReviewConcluder.GeneralManager, "gm")]
    [InlineData(ReviewSubjectKind.ContractChange, ReviewConcluder.GeneralManager, "gm")]
    [InlineData(ReviewSubjectKind.TenderInvitation, ReviewConcluder.BusinessUnitHead, "bu")]
    [InlineData(ReviewSubjectKind.TenderInvitation, ReviewConcluder.GeneralManager, "gm")]
    [InlineData(ReviewSubjectKind.Bid, ReviewConcluder.BusinessUnitHead, "bu")]
    [InlineData(ReviewSubjectKind.Bid, ReviewConcluder.GeneralManager, "gm")]
    public void A_review_the_act_made_complete_notifies_its_concluder(ReviewSubjectKind subject, ReviewConcluder concluder, string expected)
    {
        var notified = Assert.Single(Notified(Nothing(subject, concluder) with { ConclusionNowAwaiting = true }, actor: "prod"));

        Assert.Equal(NotificationKind.ApprovalAwaiting, notified.Kind);
        Assert.Equal([expected], notified.Users);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_signature_that_leaves_sections_pending_notifies_no_one(ReviewSubjectKind subject) =>
        Assert.Empty(ReviewNotifications.Of(Nothing(subject)));

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_discrepancy_on_a_subject_without_a_known_salesperson_notifies_the_sales_manager_only(ReviewSubjectKind subject) =>
        Assert.Equal(["sm"], Assert.Single(Notified(Nothing(subject) with { SubjectOwnerUserId = null, DiscrepanciesRaised = 1 })).Users);

    [Fact]
    public void The_same_act_notifies_the_same_people_whatever_the_subject()
    {
        var outcomes = Enum.GetValues<ReviewSubjectKind>()
            .Select(subject => Notified(new ReviewActOutcome(subject, "sales1", ReviewConcluder.GeneralManager, ["Technical"], 1, ["Quality"], true), actor: "sm"))
            .ToList();

        Assert.All(outcomes, o => Assert.Equal(
            [NotificationKind.SectionAwaitingSignature, NotificationKind.DiscrepancyRaised, NotificationKind.DiscrepancyResolved, NotificationKind.ApprovalAwaiting],
            o.Select(n => n.Kind)));
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].SelectMany(n => n.Users), o.SelectMany(n => n.Users)));
    }
}
