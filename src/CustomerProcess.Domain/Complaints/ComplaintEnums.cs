namespace CustomerProcess.Domain.Complaints;

public enum ComplaintKind
{
    Complaint,
    Inquiry,
}

public enum ComplaintChannel
{
    Phone,
    Email,
    Letter,
    Fax,
    Visit,
    Other,
}

public enum ComplaintSeverity
{
    Minor,
    Major,
    Critical,
}

public enum CauseCategory
{
    Design,
    Material,
    Process,
    Inspection,
    Packaging,
    Transport,
    CustomerUse,
    Unfounded,
    Other,
}

public enum ComplaintStatus
{
    Logged,
    Investigating,
    Answered,
    Closed,
}

public enum ActionStatus
{
    Open,
    Done,
    Verified,
    Waived,
}

public enum ReturnStatus
{
    Registered,
    Inspected,
    Settled,
    BookedBack,
}

/// <summary>The transition tables of complaints, corrective actions and returns.</summary>
public static class ComplaintTransitions
{
    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => from switch
    {
        ComplaintStatus.Logged => to is ComplaintStatus.Investigating or ComplaintStatus.Answered,
        ComplaintStatus.Investigating => to is ComplaintStatus.Answered,
        ComplaintStatus.Answered => to is ComplaintStatus.Closed or ComplaintStatus.Investigating,
        ComplaintStatus.Closed => false,
    };

    public static bool CanMove(ActionStatus from, ActionStatus to) => from switch
    {
        ActionStatus.Open => to is ActionStatus.Done or ActionStatus.Waived,
        ActionStatus.Done => to is ActionStatus.Verified or ActionStatus.Open,
        ActionStatus.Verified => false,
        ActionStatus.Waived => false,
    };

    public static bool CanMove(ReturnStatus from, ReturnStatus to) => from switch
    {
        ReturnStatus.Registered => to is ReturnStatus.Inspected,
        ReturnStatus.Inspected => to is ReturnStatus.Settled or ReturnStatus.BookedBack,
        ReturnStatus.Settled => false,
        ReturnStatus.BookedBack => false,
    };
}

/// <summary>The 72-hour answer clock (docs/process.md §7); the window is a setting.</summary>
public static class AnswerClock
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(72);

    public static DateTime Deadline(DateTime receivedAtUtc, TimeSpan window) => receivedAtUtc + window;

    /// <summary>Overdue: not answered and the deadline has passed (at the deadline itself it is not yet overdue).</summary>
    public static bool IsOverdue(DateTime receivedAtUtc, DateTime? answeredAtUtc, DateTime nowUtc, TimeSpan window) =>
        answeredAtUtc is null ? nowUtc > Deadline(receivedAtUtc, window) : answeredAtUtc > Deadline(receivedAtUtc, window);

    public static bool AnsweredInTime(DateTime receivedAtUtc, DateTime answeredAtUtc, TimeSpan window) =>
        answeredAtUtc <= Deadline(receivedAtUtc, window);

    public static TimeSpan TimeLeft(DateTime receivedAtUtc, DateTime nowUtc, TimeSpan window) => Deadline(receivedAtUtc, window) - nowUtc;
}
