using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Retention;

/// <summary>The kinds of quality record with a retention period (docs/process.md §11). Each has one closing event
/// from which its retention clock runs (ADR 0041).</summary>
public enum RetentionRecordType
{
    /// <summary>Contract reviews: from the review's decision (concluded, approved or rejected).</summary>
    Reviews,

    /// <summary>Contracts: from the day the contract was closed (completed or terminated).</summary>
    Contracts,

    /// <summary>Complaints with their corrective actions: from the complaint's closing.</summary>
    Complaints,

    /// <summary>Customer property items: from the day the item was returned to the customer.</summary>
    CustomerProperty,

    /// <summary>Satisfaction survey responses: from the response's submission.</summary>
    Surveys,

    /// <summary>Audit entries: from the entry's own time. Kept; the application never disposes of them (the chain is append-only).</summary>
    AuditEntries,
}

/// <summary>
/// How long each record type is kept after its closing event: "Retention:&lt;Type&gt;:Years", at least
/// <see cref="MinimumYears"/> (docs/process.md §11). A record is due for disposal on the anniversary of its closing
/// day (China-time calendar day) after that many years, never before; a record closed on 29 February is due on
/// 1 March of a year without one (the full years have passed only then).
/// </summary>
public sealed class RetentionPolicy
{
    public const int MinimumYears = 3;

    public static readonly DomainError TooShort = new("retention.too-short", "The retention period of {0} is {1} years; records are kept at least {2} years.");

    private readonly Dictionary<RetentionRecordType, int> _years;

    private RetentionPolicy(Dictionary<RetentionRecordType, int> years) => _years = years;

    /// <summary>Every type at the minimum.</summary>
    public static RetentionPolicy Default { get; } = new(Enum.GetValues<RetentionRecordType>().ToDictionary(t => t, _ => MinimumYears));

    /// <summary>Types not named keep <see cref="MinimumYears"/>; a configured value below it is refused.</summary>
    public static Result<RetentionPolicy> Create(IReadOnlyDictionary<RetentionRecordType, int> configuredYears)
    {
        var years = Enum.GetValues<RetentionRecordType>().ToDictionary(t => t, _ => MinimumYears);
        foreach (var (type, value) in configuredYears)
        {
            if (value < MinimumYears)
            {
                return TooShort.With(type, value, MinimumYears);
            }

            years[type] = value;
        }

        return Result<RetentionPolicy>.Success(new RetentionPolicy(years));
    }

    public int YearsFor(RetentionRecordType type) => _years[type];

    /// <summary>The first day on which a record closed on <paramref name="closedOn"/> may be disposed of.</summary>
    public DateOnly DueOn(RetentionRecordType type, DateOnly closedOn)
    {
        var due = closedOn.AddYears(YearsFor(type));
        // DateOnly.AddYears moves 29 February to 28 February: one day short of the full years.
        return closedOn is { Month: 2, Day: 29 } && due.Day != 29 ? due.AddDays(1) : due;
    }

    /// <summary>True from <see cref="DueOn"/> onwards; a record without a closing event (still open) is never due.</summary>
    public bool IsDue(RetentionRecordType type, DateOnly? closedOn, DateOnly today) =>
        closedOn is { } closed && today >= DueOn(type, closed);

    /// <summary>The China-time calendar day of a closing moment stored in UTC.</summary>
    public static DateOnly ClosingDay(DateTime closedAtUtc) => DateOnly.FromDateTime(closedAtUtc + TimeSpan.FromHours(8));
}
