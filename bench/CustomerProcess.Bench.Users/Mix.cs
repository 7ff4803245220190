namespace CustomerProcess.Bench.Users;

/// <summary>What one virtual user does after each think time (issue #20 item 3).</summary>
public enum ActionKind
{
    /// <summary>The ledger (page 1, another page or a filter) or the waiting-work queue: 60 %.</summary>
    Browse,

    /// <summary>A review form: 20 %.</summary>
    OpenReview,

    /// <summary>A pending section signed with the password re-entered: 10 %.</summary>
    Sign,

    /// <summary>A complaint logged or a delivery recorded (form read, then posted with its token): 10 %.</summary>
    Write,
}

/// <summary>The mix of actions and the think time between them, drawn from one random source per user.</summary>
public static class Mix
{
    /// <summary>Cumulative shares: browse 60 %, review form 20 %, sign 10 %, write 10 %.</summary>
    public static ActionKind Draw(double u) => u switch
    {
        < 0.60 => ActionKind.Browse,
        < 0.80 => ActionKind.OpenReview,
        < 0.90 => ActionKind.Sign,
        _ => ActionKind.Write,
    };

    public static ActionKind Draw(Random random) => Draw(random.NextDouble());

    /// <summary>Exponentially distributed think time with the given mean (inverse transform of a uniform draw in [0, 1)).</summary>
    public static TimeSpan ThinkTime(double u, TimeSpan mean) => TimeSpan.FromSeconds(-Math.Log(1 - u) * mean.TotalSeconds);

    public static TimeSpan ThinkTime(Random random, TimeSpan mean) => ThinkTime(random.NextDouble(), mean);
}
