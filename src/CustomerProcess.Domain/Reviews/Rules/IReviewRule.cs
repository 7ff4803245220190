namespace CustomerProcess.Domain.Reviews.Rules;

/// <summary>Why a level is required: a message key and its arguments, shown to the user.</summary>
public sealed record RuleFinding(ReviewLevel Level, string ReasonKey, params object[] Arguments);

/// <summary>One review-level rule: pure, given the facts and the thresholds, says what it requires.</summary>
public interface IReviewRule
{
    RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds);
}
