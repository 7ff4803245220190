using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Reviews;

/// <summary>The outcome of routing: the level, every reason that counted, who signs, who concludes.</summary>
public sealed record ReviewDecision(
    ReviewLevel Level,
    IReadOnlyList<RuleFinding> Reasons,
    IReadOnlyList<string> Departments,
    ReviewConcluder Concluder)
{
    public bool RequiresGeneralManager => Concluder == ReviewConcluder.GeneralManager;
}

/// <summary>Runs every rule and takes the highest level. The reasons are every escalation that fired,
/// highest first (so a meeting-level order still says "new customer"), or the baseline when nothing escalated.</summary>
public sealed class ReviewPolicy(IEnumerable<IReviewRule> rules)
{
    public static ReviewPolicy Standard { get; } = new(
    [
        new BaselineRule(), new AmountRule(), new NewCustomerRule(), new ProductNoveltyRule(),
        new OemRule(), new ForeignTradeRule(), new SpecialRequirementsRule(),
    ]);

    public ReviewDecision Decide(OrderFacts facts, ReviewThresholds thresholds)
    {
        var findings = rules.Select(r => r.Evaluate(facts, thresholds)).OfType<RuleFinding>().ToList();
        var level = findings.Max(f => f.Level);
        var reasons = findings
            .Where(f => f.Level == level || f.Level >= ReviewLevel.FullCountersign)
            .OrderByDescending(f => f.Level)
            .ToList();
        return ForLevel(level, reasons, facts);
    }

    /// <summary>The decision for a given level (also used when a sales manager raises the level).</summary>
    public static ReviewDecision ForLevel(ReviewLevel level, IReadOnlyList<RuleFinding> reasons, OrderFacts facts)
    {
        var departments = level switch
        {
            ReviewLevel.Confirmation => new List<string> { ReviewDepartments.Sales, ReviewDepartments.Production },
            ReviewLevel.Simplified => [ReviewDepartments.Sales, ReviewDepartments.Production],
            ReviewLevel.FullCountersign or ReviewLevel.ReviewMeeting =>
            [
                ReviewDepartments.Sales, ReviewDepartments.Quality, ReviewDepartments.Production,
                ReviewDepartments.Purchasing, ReviewDepartments.Technical, ReviewDepartments.Finance,
            ],
        };

        if (level >= ReviewLevel.FullCountersign && facts.HasNonStandardClauses)
        {
            departments.Add(ReviewDepartments.Legal);
        }

        if (level >= ReviewLevel.FullCountersign && facts.InvolvesSiteWork)
        {
            departments.Add(ReviewDepartments.SafetyEnvironment);
        }

        return new ReviewDecision(level, reasons, departments, level >= ReviewLevel.FullCountersign ? ReviewConcluder.GeneralManager : ReviewConcluder.SalesManager);
    }
}
