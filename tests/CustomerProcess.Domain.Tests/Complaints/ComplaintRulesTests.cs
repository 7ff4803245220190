using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Surveys;

namespace CustomerProcess.Domain.Tests.Complaints;

/// <summary>The times that decide the 72-hour clock, the return rules and the survey groupings, at their boundaries.</summary>
public sealed class ComplaintRulesTests
{
    private static readonly DateTime Received = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

    private static Complaint NewComplaint() =>
        new("TS-2026-0001", Guid.NewGuid(), ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Major, "Leaking seal", Received, "u", "Wang", Received);

    [Theory]
    [InlineData(-1, false)] // a second before receipt
    [InlineData(0, true)]   // at receipt
    [InlineData(1, true)]
    public void An_answer_cannot_be_earlier_than_the_receipt(int seconds, bool accepted)
    {
        var complaint = NewComplaint();
        var result = complaint.Answer("We replace the seal.", ComplaintChannel.Email, Received.AddSeconds(seconds), "He", Now);
        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? ComplaintStatus.Answered : ComplaintStatus.Logged, complaint.Status);
        if (!accepted)
        {
            Assert.Equal(Complaint.AnswerBeforeReceipt, result.Error);
            Assert.Null(complaint.AnsweredAtUtc);
        }
    }

    [Theory]
    [InlineData(299, true)]  // just inside the five minutes of clock tolerance
    [InlineData(300, true)]  // at the tolerance
    [InlineData(301, false)] // beyond it: an answer in the future would fake the clock
    public void An_answer_cannot_be_dated_in_the_future(int secondsAhead, bool accepted)
    {
        var complaint = NewComplaint();
        var result = complaint.Answer("We replace the seal.", ComplaintChannel.Email, Now.AddSeconds(secondsAhead), "He", Now);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(Complaint.AnswerInFuture, result.Error);
        }
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-86_400, true)] // logged a day after it arrived (a letter read late)
    public void A_complaint_cannot_be_received_in_the_future(int secondsAhead, bool accepted) =>
        Assert.Equal(accepted, Complaint.CheckReceivedAt(Now.AddSeconds(secondsAhead), Now).Succeeded);

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.0001", true)]
    [InlineData("-1", false)]
    public void A_return_needs_a_positive_quantity(string quantity, bool accepted)
    {
        var result = ReturnRecord.ForContract(Guid.NewGuid(), null, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), "台", Received, "returned", "u", "Wang", Now);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(ReturnRecord.QuantityNotPositive, result.Error);
        }
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Returned_goods_cannot_be_received_in_the_future(int secondsAhead, bool accepted) =>
        Assert.Equal(accepted, ReturnRecord.ForComplaint(Guid.NewGuid(), null, 1, "台", Now.AddSeconds(secondsAhead), "returned", "u", "Wang", Now).Succeeded);

    [Theory]
    [InlineData(ReturnStatus.Registered, ReturnStatus.Inspected, true)]
    [InlineData(ReturnStatus.Registered, ReturnStatus.Settled, false)]
    [InlineData(ReturnStatus.Registered, ReturnStatus.BookedBack, false)]
    [InlineData(ReturnStatus.Inspected, ReturnStatus.Settled, true)]
    [InlineData(ReturnStatus.Inspected, ReturnStatus.BookedBack, true)]
    [InlineData(ReturnStatus.Inspected, ReturnStatus.Registered, false)]
    [InlineData(ReturnStatus.Settled, ReturnStatus.BookedBack, false)]
    [InlineData(ReturnStatus.BookedBack, ReturnStatus.Settled, false)]
    public void The_return_transition_table(ReturnStatus from, ReturnStatus to, bool allowed) =>
        Assert.Equal(allowed, ComplaintTransitions.CanMove(from, to));

    [Theory]
    [InlineData(ActionStatus.Open, ActionStatus.Done, true)]
    [InlineData(ActionStatus.Open, ActionStatus.Verified, false)]
    [InlineData(ActionStatus.Open, ActionStatus.Waived, true)]
    [InlineData(ActionStatus.Done, ActionStatus.Verified, true)]
    [InlineData(ActionStatus.Done, ActionStatus.Open, true)]
    [InlineData(ActionStatus.Verified, ActionStatus.Open, false)]
    [InlineData(ActionStatus.Waived, ActionStatus.Done, false)]
    public void The_corrective_action_transition_table(ActionStatus from, ActionStatus to, bool allowed) =>
        Assert.Equal(allowed, ComplaintTransitions.CanMove(from, to));

    [Fact]
    public void A_closed_complaint_takes_no_answer_and_no_investigation()
    {
        var complaint = NewComplaint();
        complaint.Answer("Done", ComplaintChannel.Phone, Received.AddHours(1), "He", Now);
        Assert.True(complaint.Close("He", Now).Succeeded);
        Assert.Equal(Complaint.Closed, complaint.Answer("Again", ComplaintChannel.Phone, Received.AddHours(2), "He", Now).Error);
        Assert.Equal(Complaint.Closed, complaint.RecordInvestigation("x", CauseCategory.Process, "Production").Error);
        Assert.Equal(Complaint.Closed, complaint.Close("He", Now).Error);
    }

    [Fact]
    public void Survey_scores_are_averaged_per_quarter_and_dimension()
    {
        static SurveyResponse Response(int q, int d, int s, int p, int c) => new(Guid.NewGuid(), Guid.NewGuid(), ResponseSource.PaperForm,
            new Dictionary<SurveyDimension, int> { [SurveyDimension.Quality] = q, [SurveyDimension.Delivery] = d, [SurveyDimension.Service] = s, [SurveyDimension.Price] = p, [SurveyDimension.Communication] = c },
            null, Received);
        var rows = new[]
        {
            ("2026Q3", Response(4, 4, 4, 4, 4)),
            ("2026Q3", Response(2, 4, 4, 4, 4)),
            ("2026Q4", Response(5, 5, 5, 5, 1)),
        };

        var byQuarter = SurveyAnalysis.By(rows);

        Assert.Equal(["2026Q3", "2026Q4"], byQuarter.Select(g => g.Key));
        var q3 = byQuarter[0];
        Assert.Equal(2, q3.Responses);
        Assert.Equal(3m, q3.Averages[SurveyDimension.Quality]);
        Assert.Equal(4m, q3.Averages[SurveyDimension.Delivery]);
        Assert.Equal(3.8m, q3.Overall);
        Assert.Equal(1, q3.WithLowScore);
        Assert.Equal(1m, byQuarter[1].Averages[SurveyDimension.Communication]);
        Assert.Equal(4.2m, byQuarter[1].Overall);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 31, 1)]
    [InlineData(4, 1, 2)]
    [InlineData(9, 30, 3)]
    [InlineData(10, 1, 4)]
    [InlineData(12, 31, 4)]
    public void The_quarter_of_a_date(int month, int day, int quarter) =>
        Assert.Equal(quarter, SurveyAnalysis.QuarterOf(new DateOnly(2026, month, day)));
}
