using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Surveys;

namespace CustomerProcess.Domain.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly DateTime Received = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Window = AnswerClock.DefaultWindow;

    private static Complaint NewComplaint() =>
        new("TS-2026-0001", Guid.NewGuid(), ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Major, "Leaking seal", Received, "u", "Wang", Received);

    [Theory]
    [InlineData(71, 59, false)] // just below 72 h
    [InlineData(72, 0, false)]  // at the deadline
    [InlineData(72, 1, true)]   // just above
    public void An_unanswered_complaint_is_overdue_only_after_72_hours(int hours, int minutes, bool overdue)
    {
        var now = Received.AddHours(hours).AddMinutes(minutes);
        Assert.Equal(overdue, AnswerClock.IsOverdue(Received, null, now, Window));
        Assert.Equal(overdue, NewComplaint().IsOverdue(now, Window));
    }

    [Theory]
    [InlineData(71, true)]
    [InlineData(72, true)]
    [InlineData(73, false)]
    public void An_answer_within_72_hours_is_in_time(int hours, bool inTime)
    {
        var answered = Received.AddHours(hours);
        Assert.Equal(inTime, AnswerClock.AnsweredInTime(Received, answered, Window));
        Assert.Equal(!inTime, AnswerClock.IsOverdue(Received, answered, answered.AddDays(10), Window));
    }

    [Fact]
    public void The_window_is_a_setting()
    {
        var window = TimeSpan.FromHours(24);
        Assert.Equal(Received.AddHours(24), AnswerClock.Deadline(Received, window));
        Assert.True(AnswerClock.IsOverdue(Received, null, Received.AddHours(25), window));
        Assert.Equal(TimeSpan.FromHours(23), AnswerClock.TimeLeft(Received, Received.AddHours(1), window));
    }

    [Fact]
    public void A_complaint_closes_only_when_answered_and_every_action_is_verified_or_waived()
    {
        var complaint = NewComplaint();
        var action = complaint.AddAction("Replace seal supplier", "q", "Zhang", new DateOnly(2026, 12, 15)).Value!;
        var second = complaint.AddAction("Retrain assembly", "p", "Zhao", new DateOnly(2026, 12, 20)).Value!;

        Assert.Equal(Complaint.NotAnswered, complaint.Close("He", Received).Error);
        complaint.Answer("Replacement shipped", ComplaintChannel.Email, Received.AddHours(20), "He", Received.AddHours(20));
        Assert.Equal(Complaint.ActionsOpen, complaint.Close("He", Received).Error);

        Assert.True(complaint.CompleteAction(action.Id, "New supplier qualified", Received).Succeeded);
        Assert.Equal(Complaint.ActionsOpen, complaint.Close("He", Received).Error); // done but not verified
        Assert.True(complaint.VerifyAction(action.Id, "Zhang", Received).Succeeded);
        Assert.True(complaint.WaiveAction(second.Id, "Covered by supplier change", "Zhang", Received).Succeeded);

        Assert.True(complaint.Close("He", Received).Succeeded);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Complaint.Closed, complaint.AddAction("late", "q", "Zhang", new DateOnly(2027, 1, 1)).Error);
    }

    [Fact]
    public void An_open_action_cannot_be_verified()
    {
        var complaint = NewComplaint();
        var action = complaint.AddAction("Fix", "q", "Zhang", new DateOnly(2026, 12, 15)).Value!;
        Assert.Equal("complaint.action-state", complaint.VerifyAction(action.Id, "Zhang", Received).Error!.Code);
        complaint.CompleteAction(action.Id, "done", Received);
        Assert.True(complaint.RejectActionCompletion(action.Id, "not effective").Succeeded);
        Assert.Equal(ActionStatus.Open, action.Status);
    }

    [Theory]
    [InlineData(ComplaintStatus.Logged, ComplaintStatus.Investigating, true)]
    [InlineData(ComplaintStatus.Logged, ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.Answered, true)]
    [InlineData(ComplaintStatus.Answered, ComplaintStatus.Closed, true)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Investigating, false)]
    public void The_complaint_transition_table(ComplaintStatus from, ComplaintStatus to, bool allowed) =>
        Assert.Equal(allowed, ComplaintTransitions.CanMove(from, to));

    [Fact]
    public void Returns_are_inspected_then_settled_when_unfounded_or_booked_back_when_founded()
    {
        var unfounded = ReturnRecord.ForComplaint(Guid.NewGuid(), null, 5, "台", Received, "5 pumps returned", "u", "Wang", Received).Value!;
        Assert.Equal("return.illegal-move", unfounded.Settle("x", "Wang", Received).Error!.Code);
        unfounded.Inspect("Pumps work; misuse", founded: false, "He", Received);
        Assert.Equal(ReturnRecord.WrongOutcome, unfounded.BookBack(NonconformingDisposition.Scrap, "scrap", "He", Received).Error);
        Assert.True(unfounded.Settle("Customer keeps the pumps; we pay freight", "Wang", Received).Succeeded);
        Assert.Equal(ReturnStatus.Settled, unfounded.Status);
        Assert.False(unfounded.IsNonconforming);
        Assert.Null(unfounded.Disposition);

        var founded = ReturnRecord.ForContract(Guid.NewGuid(), Guid.NewGuid(), 2, "台", Received, "2 pumps leaking", "u", "Wang", Received).Value!;
        founded.Inspect("Seal defect confirmed", founded: true, "He", Received.AddHours(3));
        Assert.True(founded.IsNonconforming);
        Assert.Equal(ReturnRecord.WrongOutcome, founded.Settle("keep", "Wang", Received).Error);
        Assert.True(founded.BookBack(NonconformingDisposition.Rework, "Reworked seals, back to stock", "He", Received.AddHours(5)).Succeeded);
        Assert.Equal(ReturnStatus.BookedBack, founded.Status);
        Assert.Equal(NonconformingDisposition.Rework, founded.Disposition);
        Assert.Equal(Received.AddHours(5), founded.OutcomeAtUtc);
        Assert.Null(founded.ComplaintId);
    }

    [Fact]
    public void Survey_scores_aggregate_per_dimension_with_a_distribution_and_low_scores()
    {
        static SurveyResponse Response(int q, int d, int s, int p, int c) => new(Guid.NewGuid(), Guid.NewGuid(), ResponseSource.PaperForm,
            new Dictionary<SurveyDimension, int> { [SurveyDimension.Quality] = q, [SurveyDimension.Delivery] = d, [SurveyDimension.Service] = s, [SurveyDimension.Price] = p, [SurveyDimension.Communication] = c },
            null, Received);
        var responses = new[] { Response(5, 4, 3, 2, 5), Response(4, 4, 5, 3, 5), Response(3, 1, 4, 4, 5) };

        var averages = SurveyAnalysis.Averages(responses);
        Assert.Equal(4m, averages[SurveyDimension.Quality]);
        Assert.Equal(3m, averages[SurveyDimension.Delivery]);
        Assert.Equal(5m, averages[SurveyDimension.Communication]);
        Assert.Equal([1, 1, 3, 5, 5], SurveyAnalysis.Distribution(responses));
        Assert.Equal(2, responses.Count(r => r.HasLowScore));
        Assert.Null(SurveyAnalysis.Averages([])[SurveyDimension.Price]);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Scores_must_be_between_1_and_5(int score, bool valid)
    {
        var scores = Enum.GetValues<SurveyDimension>().ToDictionary(d => d, _ => 3);
        scores[SurveyDimension.Price] = score;
        Assert.Equal(valid, SurveyResponse.Validate(scores).Succeeded);
    }

    [Fact]
    public void A_survey_link_works_once_and_expires()
    {
        var (invitation, token) = SurveyInvitation.Create(Guid.NewGuid(), Guid.NewGuid(), Received.AddDays(30));
        Assert.Equal(SurveyInvitation.Hash(token), invitation.TokenHash);
        Assert.True(token.Length >= 43);
        Assert.False(invitation.IsUsable(Received.AddDays(30)));
        Assert.True(invitation.MarkUsed(Received.AddDays(29)).Succeeded);
        Assert.Equal(SurveyInvitation.Unusable, invitation.MarkUsed(Received.AddDays(29)).Error);
    }

    [Fact]
    public void Each_act_keeps_the_actors_name_and_department_of_the_time_and_a_refused_act_keeps_none()
    {
        var complaint = NewComplaint();
        var action = complaint.AddAction("Replace seal supplier", "q", "Zhang", new DateOnly(2026, 12, 15)).Value!;
        Assert.False(complaint.Close("张质量", Received, "Quality").Succeeded); // not answered: nothing recorded
        Assert.Null(complaint.ClosedByName);
        Assert.Null(complaint.ClosedByDepartment);

        complaint.CompleteAction(action.Id, "done", Received);
        complaint.VerifyAction(action.Id, "张质量", Received, "Quality");
        complaint.Answer("Replacement shipped", ComplaintChannel.Email, Received.AddHours(2), "何质检", Received.AddHours(2), "Quality");
        complaint.Close("张质量", Received.AddHours(3), "Quality");

        Assert.Equal(("张质量", "Quality"), (action.VerifiedByName, action.VerifiedByDepartment));
        Assert.Equal(("何质检", "Quality"), (complaint.AnsweredByName, complaint.AnsweredByDepartment));
        Assert.Equal(("张质量", "Quality"), (complaint.ClosedByName, complaint.ClosedByDepartment));

        var returned = ReturnRecord.ForComplaint(Guid.NewGuid(), null, 1, "台", Received, "1 pump", "u", "Wang", Received).Value!;
        returned.Inspect("Works", founded: false, "张质量", Received, "Quality");
        returned.Settle("Customer keeps it", "王销售", Received, "Sales");
        Assert.Equal(("张质量", "Quality"), (returned.InspectedByName, returned.InspectedByDepartment));
        Assert.Equal(("王销售", "Sales"), (returned.OutcomeByName, returned.OutcomeByDepartment));
    }
}

