using System.Security.Cryptography;
using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Surveys;

public enum SurveyDimension
{
    Quality,
    Delivery,
    Service,
    Price,
    Communication,
}

public enum ResponseSource
{
    PaperForm,
    CustomerLink,
}

public enum FollowUpStatus
{
    None,
    Planned,
    Done,
}

/// <summary>A satisfaction survey campaign for one quarter and a set of customers (docs/process.md §9).</summary>
public sealed class SurveyCampaign : BusinessRecord
{
    public const int NameLength = 200;

    private SurveyCampaign()
    {
    }

    public SurveyCampaign(string name, int year, int quarter, string openedByName, DateTime nowUtc)
    {
        Name = name;
        Year = year;
        Quarter = quarter;
        OpenedByName = openedByName;
        OpenedAtUtc = nowUtc;
    }

    public string Name { get; private set; } = "";

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    public string OpenedByName { get; private set; } = "";

    public DateTime OpenedAtUtc { get; private set; }

    public bool IsClosed { get; private set; }

    public string Period => $"{Year}Q{Quarter}";

    public void Close() => IsClosed = true;
}

/// <summary>A personal survey link: only the SHA-256 of the token is stored; it works once and expires.</summary>
public sealed class SurveyInvitation : BusinessRecord, IVersioned
{
    public static readonly DomainError Unusable = new("survey.link-unusable", "This survey link is not valid.");

    private SurveyInvitation()
    {
    }

    private SurveyInvitation(Guid campaignId, Guid customerId, string tokenHash, DateTime expiresAtUtc)
    {
        CampaignId = campaignId;
        CustomerId = customerId;
        TokenHash = tokenHash;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid CampaignId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? UsedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>Creates an invitation and returns the token to put in the link (never stored).</summary>
    public static (SurveyInvitation Invitation, string Token) Create(Guid campaignId, Guid customerId, DateTime expiresAtUtc)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new SurveyInvitation(campaignId, customerId, Hash(token), expiresAtUtc), token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;

    public Result MarkUsed(DateTime nowUtc)
    {
        if (!IsUsable(nowUtc))
        {
            return Unusable;
        }

        UsedAtUtc = nowUtc;
        return Result.Success();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One customer's scored answers (1–5 per dimension) and comments.</summary>
public sealed class SurveyResponse : BusinessRecord
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int LowScore = 2;
    public const int TextLength = 2000;

    public static readonly DomainError ScoreRange = new("survey.score-range", "Each score must be between 1 and 5.");

    private SurveyResponse()
    {
    }

    public SurveyResponse(Guid campaignId, Guid customerId, ResponseSource source, IReadOnlyDictionary<SurveyDimension, int> scores, string? comments, DateTime nowUtc)
    {
        CampaignId = campaignId;
        CustomerId = customerId;
        Source = source;
        Quality = scores[SurveyDimension.Quality];
        Delivery = scores[SurveyDimension.Delivery];
        Service = scores[SurveyDimension.Service];
        Price = scores[SurveyDimension.Price];
        Communication = scores[SurveyDimension.Communication];
        Comments = comments;
        SubmittedAtUtc = nowUtc;
    }

    public Guid CampaignId { get; private set; }

    public Guid CustomerId { get; private set; }

    public ResponseSource Source { get; private set; }

    public int Quality { get; private set; }

    public int Delivery { get; private set; }

    public int Service { get; private set; }

    public int Price { get; private set; }

    public int Communication { get; private set; }

    public string? Comments { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public string? FollowUpAction { get; private set; }

    public FollowUpStatus FollowUpStatus { get; private set; } = FollowUpStatus.None;

    public bool HasLowScore => Scores.Values.Any(s => s <= LowScore);

    public IReadOnlyDictionary<SurveyDimension, int> Scores => new Dictionary<SurveyDimension, int>
    {
        [SurveyDimension.Quality] = Quality,
        [SurveyDimension.Delivery] = Delivery,
        [SurveyDimension.Service] = Service,
        [SurveyDimension.Price] = Price,
        [SurveyDimension.Communication] = Communication,
    };

    public static Result Validate(IReadOnlyDictionary<SurveyDimension, int> scores) =>
        Enum.GetValues<SurveyDimension>().All(d => scores.TryGetValue(d, out var s) && s is >= MinScore and <= MaxScore)
            ? Result.Success()
            : ScoreRange;

    /// <summary>The disposal that blanked this response's texts after its retention period (ADR 0041); null while kept.</summary>
    public Guid? DisposalId { get; private set; }

    public DateTime? DisposedAtUtc { get; private set; }

    /// <summary>The content a disposal blanks, in a fixed order, for the disposal's hash (ADR 0041).</summary>
    public string RetainedContent(string number) => string.Join('\n', number, Comments ?? "", FollowUpAction ?? "");

    /// <summary>Disposal after the retention period (ADR 0041): the scores, source, customer, campaign, submission time
    /// and follow-up status stay (the figures need them); the customer's comments and the follow-up action are blanked.</summary>
    public Result MarkDisposed(string number, Guid disposalId, DateTime nowUtc)
    {
        if (DisposalId is not null)
        {
            return Retention.DisposalRecord.AlreadyDisposed.With(number);
        }

        DisposalId = disposalId;
        DisposedAtUtc = nowUtc;
        Comments = Comments is null ? null : "";
        FollowUpAction = FollowUpAction is null ? null : "";
        return Result.Success();
    }

    public void SetFollowUp(string action, FollowUpStatus status)
    {
        FollowUpAction = action;
        FollowUpStatus = status;
    }
}

/// <summary>Survey analysis: averages per dimension, distribution of scores, low scores.</summary>
public static class SurveyAnalysis
{
    public static IReadOnlyDictionary<SurveyDimension, decimal?> Averages(IEnumerable<SurveyResponse> responses)
    {
        var list = responses.ToList();
        return Enum.GetValues<SurveyDimension>().ToDictionary(
            d => d,
            d => list.Count == 0 ? (decimal?)null : decimal.Round(list.Average(r => (decimal)r.Scores[d]), 2));
    }

    /// <summary>How many answers gave each score 1..5, over all dimensions.</summary>
    public static IReadOnlyList<int> Distribution(IEnumerable<SurveyResponse> responses)
    {
        var counts = new int[SurveyResponse.MaxScore];
        foreach (var score in responses.SelectMany(r => r.Scores.Values))
        {
            counts[score - 1]++;
        }

        return counts;
    }

    public static decimal? Overall(SurveyResponse response) => decimal.Round(response.Scores.Values.Average(s => (decimal)s), 2);

    /// <summary>Averages per dimension (and over all items) for each group — a quarter, a customer —
    /// in the order the groups first appear.</summary>
    public static IReadOnlyList<GroupScores<TKey>> By<TKey>(IEnumerable<(TKey Key, SurveyResponse Response)> rows)
        where TKey : notnull =>
        rows.GroupBy(r => r.Key)
            .Select(g =>
            {
                var responses = g.Select(r => r.Response).ToList();
                var overall = decimal.Round(responses.SelectMany(r => r.Scores.Values).Average(s => (decimal)s), 2);
                return new GroupScores<TKey>(g.Key, responses.Count, Averages(responses), overall, responses.Count(r => r.HasLowScore));
            })
            .ToList();

    /// <summary>The calendar quarter (1–4) of a date.</summary>
    public static int QuarterOf(DateOnly date) => ((date.Month - 1) / 3) + 1;
}

/// <summary>Scores of one group of responses: how many, the average per dimension and overall, how many had a low score.</summary>
public sealed record GroupScores<TKey>(TKey Key, int Responses, IReadOnlyDictionary<SurveyDimension, decimal?> Averages, decimal Overall, int WithLowScore);
