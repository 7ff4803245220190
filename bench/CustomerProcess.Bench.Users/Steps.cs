namespace CustomerProcess.Bench.Users;

/// <summary>What one step (N concurrent users held for a while) measured.</summary>
public sealed record StepResult(int Users, int Actions, int Errors, double Seconds, double P50Ms, double P99Ms, double CpuMsPerAction, int SignInErrors)
{
    public double ActionsPerSecond => Seconds > 0 ? Actions / Seconds : 0;

    /// <summary>A step passes when its p99 is within the limit and nothing failed (an action or a user's sign-in).</summary>
    public bool Passes(double p99LimitMs) => Actions > 0 && Errors == 0 && SignInErrors == 0 && P99Ms <= p99LimitMs;
}

public static class Steps
{
    /// <summary>Nearest-rank percentile of ascending values (as bench/run.sh computes them from hey's output).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The steps are run in order until one fails; the result is the largest number of users of a passing step
    /// run before the first failing one (0 when the first step fails).</summary>
    public static int LargestPassing(IEnumerable<StepResult> steps, double p99LimitMs)
    {
        var largest = 0;
        foreach (var step in steps)
        {
            if (!step.Passes(p99LimitMs))
            {
                break;
            }

            largest = Math.Max(largest, step.Users);
        }

        return largest;
    }

    /// <summary>Whether to go on to the next step after this one.</summary>
    public static bool Continue(StepResult step, double p99LimitMs) => step.Passes(p99LimitMs);
}
