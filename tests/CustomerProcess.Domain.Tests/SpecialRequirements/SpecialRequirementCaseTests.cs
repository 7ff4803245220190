using CustomerProcess.Domain.SpecialRequirements;

namespace CustomerProcess.Domain.Tests.SpecialRequirements;

/// <summary>Special-requirement cases: due, due soon and overdue at the date boundaries, the status table (docs/process.md §10).</summary>
public sealed class SpecialRequirementCaseTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SpecialRequirementCase NewCase(DateOnly due) =>
        SpecialRequirementCase.Open("TSYQ-2026-0001", CaseSource.Customer, Guid.NewGuid(), null, null, "Salt-spray test report", "Each lot with a 96 h report.",
            CasePriority.High, due, "owner", "Zhang", "u", "Zhang", Now, Today).Value!;

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void A_case_is_overdue_only_after_its_due_date(int dueFromToday, bool overdue) =>
        Assert.Equal(overdue, CaseDeadline.IsOverdue(CaseStatus.InProgress, Today.AddDays(dueFromToday), Today));

    [Fact]
    public void A_done_case_is_never_overdue_or_due_soon()
    {
        Assert.False(CaseDeadline.IsOverdue(CaseStatus.Done, Today.AddDays(-10), Today));
        Assert.False(CaseDeadline.IsDueSoon(CaseStatus.Done, Today, Today, 3));
    }

    [Theory]
    [InlineData(-1, false)] // overdue, not "due soon"
    [InlineData(0, true)]   // due today
    [InlineData(2, true)]
    [InlineData(3, true)]   // at the reminder window
    [InlineData(4, false)]  // just beyond it
    public void A_case_is_due_soon_from_the_reminder_window_to_its_due_date(int dueFromToday, bool dueSoon) =>
        Assert.Equal(dueSoon, CaseDeadline.IsDueSoon(CaseStatus.Pending, Today.AddDays(dueFromToday), Today, 3));

    [Theory]
    [InlineData(-1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void The_reminder_covers_overdue_and_due_soon_cases(int dueFromToday, bool reminded) =>
        Assert.Equal(reminded, CaseDeadline.NeedsReminder(CaseStatus.Pending, Today.AddDays(dueFromToday), Today, 3));

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_case_done_on_its_due_date_is_on_time(int doneAfterDue, bool onTime) =>
        Assert.Equal(onTime, CaseDeadline.DoneOnTime(Today, Today.AddDays(doneAfterDue)));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void A_case_cannot_be_due_before_today(int dueFromToday, bool accepted) =>
        Assert.Equal(accepted, SpecialRequirementCase.Open("TSYQ-2026-0001", CaseSource.Customer, Guid.NewGuid(), null, null, "t", "d",
            CasePriority.Normal, Today.AddDays(dueFromToday), "o", "Zhang", "u", "Zhang", Now, Today).Succeeded);

    [Fact]
    public void A_case_from_an_order_must_name_the_order() =>
        Assert.Equal(SpecialRequirementCase.SourceMissing, SpecialRequirementCase.Open("TSYQ-2026-0001", CaseSource.Order, Guid.NewGuid(), null, null, "t", "d",
            CasePriority.Normal, Today, "o", "Zhang", "u", "Zhang", Now, Today).Error);

    [Theory]
    [InlineData(CaseStatus.Pending, CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.Pending, CaseStatus.Done, true)]
    [InlineData(CaseStatus.InProgress, CaseStatus.Done, true)]
    [InlineData(CaseStatus.InProgress, CaseStatus.Pending, false)]
    [InlineData(CaseStatus.Done, CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.Done, CaseStatus.Pending, false)]
    public void The_status_table(CaseStatus from, CaseStatus to, bool allowed) => Assert.Equal(allowed, CaseTransitions.CanMove(from, to));

    [Fact]
    public void Each_step_keeps_its_note_and_finishing_records_the_result_and_handling_time()
    {
        var c = NewCase(Today.AddDays(5));
        Assert.True(c.AddStep("Lab booked.", CaseStatus.InProgress, "Zhang", Now, Today).Succeeded);
        Assert.True(c.AddStep("Samples sent.", null, "Zhang", Now, Today.AddDays(1)).Succeeded);
        Assert.False(c.AddStep("Back to pending", CaseStatus.Pending, "Zhang", Now, Today).Succeeded);
        Assert.True(c.AddStep("Report delivered to the customer.", CaseStatus.Done, "Zhang", Now, Today.AddDays(4)).Succeeded);

        Assert.Equal(3, c.Notes.Count);
        Assert.Equal([CaseStatus.InProgress, CaseStatus.InProgress, CaseStatus.Done], c.Notes.Select(n => n.ToStatus));
        Assert.Equal("Report delivered to the customer.", c.Result);
        Assert.Equal(4, c.HandlingDays);
        Assert.False(c.IsOverdue(Today.AddDays(30)));
    }
}
