namespace CustomerProcess.Web.Features.Complaints;

/// <summary>"Complaints:AnswerWindowHours" (default 72) and "Complaints:SurveyLinkDays" (default 30).</summary>
public sealed class ComplaintOptions
{
    public int AnswerWindowHours { get; set; } = 72;

    public int SurveyLinkDays { get; set; } = 30;

    public TimeSpan AnswerWindow => TimeSpan.FromHours(AnswerWindowHours);
}
