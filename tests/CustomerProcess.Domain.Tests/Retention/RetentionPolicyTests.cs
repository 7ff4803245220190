using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Retention;

namespace CustomerProcess.Domain.Tests.Retention;

/// <summary>Retention periods and disposal requests at their boundaries (docs/process.md §11, ADR 0041).</summary>
public sealed class RetentionPolicyTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-03-14", false)] // the day before the third anniversary
    [InlineData("2026-03-15", true)]  // the anniversary: three full years have passed
    [InlineData("2026-03-16", true)]  // the day after
    public void A_record_is_due_from_the_anniversary_of_its_closing_day(string today, bool due) =>
        Assert.Equal(due, RetentionPolicy.Default.IsDue(RetentionRecordType.Complaints, new DateOnly(2023, 3, 15), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-02-28", false)] // no 29 February in 2027: three full years have not passed on the 28th
    [InlineData("2027-03-01", true)]
    [InlineData("2027-03-02", true)]
    public void A_record_closed_on_a_leap_day_is_due_on_the_first_of_March(string today, bool due)
    {
        var closed = new DateOnly(2024, 2, 29);
        Assert.Equal(new DateOnly(2027, 3, 1), RetentionPolicy.Default.DueOn(RetentionRecordType.Contracts, closed));
        Assert.Equal(due, RetentionPolicy.Default.IsDue(RetentionRecordType.Contracts, closed, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_record_closed_on_a_leap_day_is_due_on_the_leap_day_four_years_later()
    {
        var policy = RetentionPolicy.Create(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.Reviews] = 4 }).Value!;
        Assert.Equal(new DateOnly(2028, 2, 29), policy.DueOn(RetentionRecordType.Reviews, new DateOnly(2024, 2, 29)));
        Assert.False(policy.IsDue(RetentionRecordType.Reviews, new DateOnly(2024, 2, 29), new DateOnly(2028, 2, 28)));
        Assert.True(policy.IsDue(RetentionRecordType.Reviews, new DateOnly(2024, 2, 29), new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void A_record_without_a_closing_event_is_never_due() =>
        Assert.False(RetentionPolicy.Default.IsDue(RetentionRecordType.Complaints, null, new DateOnly(2099, 1, 1)));

    [Theory]
    [InlineData(2, false)] // just below the minimum
    [InlineData(3, true)]  // the minimum
    [InlineData(4, true)]  // just above
    public void A_configured_period_below_three_years_is_refused(int years, bool accepted)
    {
        var created = RetentionPolicy.Create(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.Surveys] = years });
        Assert.Equal(accepted, created.Succeeded);
        if (accepted)
        {
            Assert.Equal(years, created.Value!.YearsFor(RetentionRecordType.Surveys));
            Assert.Equal(RetentionPolicy.MinimumYears, created.Value.YearsFor(RetentionRecordType.Complaints));
        }
        else
        {
            Assert.True(created.Error!.Is(RetentionPolicy.TooShort));
        }
    }

    [Fact]
    public void A_longer_period_moves_the_due_day()
    {
        var policy = RetentionPolicy.Create(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.Contracts] = 10 }).Value!;
        Assert.Equal(new DateOnly(2033, 3, 15), policy.DueOn(RetentionRecordType.Contracts, new DateOnly(2023, 3, 15)));
        Assert.Equal(new DateOnly(2026, 3, 15), policy.DueOn(RetentionRecordType.Complaints, new DateOnly(2023, 3, 15)));
    }

    [Fact]
    public void The_closing_day_is_the_China_calendar_day()
    {
        Assert.Equal(new DateOnly(2023, 3, 15), RetentionPolicy.ClosingDay(new DateTime(2023, 3, 14, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2023, 3, 14), RetentionPolicy.ClosingDay(new DateTime(2023, 3, 14, 15, 59, 59, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(-1, false)] // due tomorrow
    [InlineData(0, true)]   // due today
    [InlineData(1, true)]   // due yesterday
    public void A_request_accepts_only_records_past_their_period(int daysPastDue, bool accepted)
    {
        var today = new DateOnly(2026, 12, 4);
        var closed = today.AddYears(-3).AddDays(-daysPastDue);
        var requested = Request(new DisposalCandidate(Guid.NewGuid(), "TS-2023-0001", closed), today);
        Assert.Equal(accepted, requested.Succeeded);
        if (!accepted)
        {
            Assert.True(requested.Error!.Is(DisposalRecord.NotDue));
            Assert.Equal("TS-2023-0001", requested.Error.Arguments[0]);
        }
        else
        {
            Assert.Equal(1, requested.Value!.RecordCount);
            Assert.Equal(DisposalStatus.Requested, requested.Value.Status);
        }
    }

    [Fact]
    public void A_request_refuses_an_open_record_an_empty_list_a_duplicate_and_the_audit_trail()
    {
        var today = new DateOnly(2026, 12, 4);
        var old = new DateOnly(2020, 1, 1);
        Assert.True(Request(new DisposalCandidate(Guid.NewGuid(), "TS-1", null), today).Error!.Is(DisposalRecord.NotClosed));
        Assert.True(DisposalRecord.Request("XH-1", RetentionRecordType.Complaints, [], "Period over", RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.Empty));
        var id = Guid.NewGuid();
        Assert.True(DisposalRecord.Request("XH-1", RetentionRecordType.Complaints, [new(id, "TS-1", old), new(id, "TS-1", old)], "Period over", RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.Duplicate));
        Assert.True(DisposalRecord.Request("XH-1", RetentionRecordType.AuditEntries, [new(id, "1", old)], "Period over", RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.NotDisposable));
        Assert.True(DisposalRecord.Request("XH-1", RetentionRecordType.Complaints, [new(id, "TS-1", old)], " ", RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.NoReason));
    }

    [Fact]
    public void The_requester_cannot_approve_or_reject_their_own_request()
    {
        var disposal = Request(new DisposalCandidate(Guid.NewGuid(), "TS-1", new DateOnly(2020, 1, 1)), new DateOnly(2026, 12, 4)).Value!;
        var approved = disposal.Approve("quality-id", "Quality head", Now);
        Assert.Equal(DisposalRecord.OwnRequest, approved.Error);
        Assert.Equal(CustomerProcess.Domain.Common.ErrorKind.Forbidden, approved.Error!.Kind);
        Assert.Equal(DisposalRecord.OwnRequest, disposal.Reject("quality-id", "Quality head", Now, null).Error);
        Assert.Equal(DisposalStatus.Requested, disposal.Status);
        Assert.True(disposal.Approve("gm-id", "GM", Now).Succeeded);
        Assert.Equal("GM", disposal.DecidedByName);
    }

    [Fact]
    public void Only_an_approved_disposal_is_carried_out_and_only_once()
    {
        var today = new DateOnly(2026, 12, 4);
        var record = new DisposalCandidate(Guid.NewGuid(), "TS-1", new DateOnly(2020, 1, 1));
        var disposal = Request(record, today).Value!;
        Assert.True(disposal.Execute([record], DisposalRecord.HashOf(["x"]), RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.IllegalMove));
        Assert.True(disposal.Approve("gm-id", "GM", Now).Succeeded);
        Assert.True(disposal.Execute([record], DisposalRecord.HashOf(["x"]), RetentionPolicy.Default, today, "q", "Q", Now).Succeeded);
        Assert.Equal(DisposalStatus.Executed, disposal.Status);
        Assert.True(disposal.Execute([record], DisposalRecord.HashOf(["x"]), RetentionPolicy.Default, today, "q", "Q", Now).Error!.Is(DisposalRecord.IllegalMove));
    }

    [Fact]
    public void Execution_checks_the_periods_again_when_the_setting_grew_after_approval()
    {
        var today = new DateOnly(2026, 12, 4);
        var record = new DisposalCandidate(Guid.NewGuid(), "TS-1", new DateOnly(2022, 1, 1));
        var disposal = Request(record, today).Value!;
        Assert.True(disposal.Approve("gm-id", "GM", Now).Succeeded);
        var longer = RetentionPolicy.Create(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.Complaints] = 7 }).Value!;
        Assert.True(disposal.Execute([record], "h", longer, today, "q", "Q", Now).Error!.Is(DisposalRecord.NotDue));
        Assert.Equal(DisposalStatus.Approved, disposal.Status);
    }

    [Fact]
    public void The_content_hash_is_stable_and_tells_lists_apart()
    {
        Assert.Equal(DisposalRecord.HashOf(["ab", "c"]), DisposalRecord.HashOf(["ab", "c"]));
        Assert.NotEqual(DisposalRecord.HashOf(["ab", "c"]), DisposalRecord.HashOf(["a", "bc"]));
        Assert.Equal(DisposalRecord.HashLength, DisposalRecord.HashOf([]).Length);
    }

    [Fact]
    public void A_disposed_complaint_keeps_number_dates_and_status_and_loses_its_texts()
    {
        var received = new DateTime(2022, 1, 10, 2, 0, 0, DateTimeKind.Utc);
        var complaint = new Complaint("TS-2022-0001", Guid.NewGuid(), ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Major, "Leaking seal at Zhang's plant", received, "u", "Wang", received);
        Assert.True(complaint.MarkDisposed(Guid.NewGuid(), Now).Error!.Is(DisposalRecord.NotClosed));
        Assert.True(complaint.Answer("We replace the seal.", ComplaintChannel.Email, received.AddHours(1), "He", received.AddHours(2)).Succeeded);
        Assert.True(complaint.Close("He", received.AddDays(1)).Succeeded);
        var before = complaint.RetainedContent();
        Assert.Contains("Leaking seal", before, StringComparison.Ordinal);

        var disposalId = Guid.NewGuid();
        Assert.True(complaint.MarkDisposed(disposalId, Now).Succeeded);
        Assert.Equal("TS-2022-0001", complaint.Number);
        Assert.Equal(received, complaint.ReceivedAtUtc);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal("", complaint.Description);
        Assert.Null(complaint.AnswerText);
        Assert.Equal(disposalId, complaint.DisposalId);
        Assert.Equal(Now, complaint.DisposedAtUtc);
        Assert.True(complaint.MarkDisposed(Guid.NewGuid(), Now).Error!.Is(Complaint.AlreadyDisposed));
    }

    private static CustomerProcess.Domain.Common.Result<DisposalRecord> Request(DisposalCandidate record, DateOnly today) =>
        DisposalRecord.Request("XH-2026-0001", RetentionRecordType.Complaints, [record], "Retention period over", RetentionPolicy.Default, today, "quality-id", "Quality head", Now);
}
