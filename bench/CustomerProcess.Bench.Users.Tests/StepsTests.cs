namespace CustomerProcess.Bench.Users.Tests;

public sealed class StepsTests
{
    private static StepResult Step(int users, double p99, int errors = 0, int signInErrors = 0, int actions = 1000) =>
        new(users, actions, errors, 60, 10, p99, 3, signInErrors);

    [Fact]
    public void Percentile_is_the_nearest_rank()
    {
        var hundred = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(50, Steps.Percentile(hundred, 50));
        Assert.Equal(99, Steps.Percentile(hundred, 99));
        Assert.Equal(100, Steps.Percentile(hundred, 100));

        var thousand = Enumerable.Range(1, 1000).Select(i => (double)i).ToList();
        Assert.Equal(990, Steps.Percentile(thousand, 99));

        // 150 values: rank ceil(148.5) = 149.
        var some = Enumerable.Range(1, 150).Select(i => (double)i).ToList();
        Assert.Equal(149, Steps.Percentile(some, 99));
        Assert.Equal(75, Steps.Percentile(some, 50));
    }

    [Fact]
    public void Percentile_of_one_value_is_that_value_and_of_none_is_not_a_number()
    {
        Assert.Equal(42, Steps.Percentile([42], 99));
        Assert.True(double.IsNaN(Steps.Percentile([], 99)));
    }

    [Theory]
    [InlineData(199.9, true)]
    [InlineData(200.0, true)]
    [InlineData(200.1, false)]
    public void A_step_passes_up_to_the_p99_limit_and_not_above(double p99, bool passes) =>
        Assert.Equal(passes, Step(1000, p99).Passes(200));

    [Fact]
    public void A_step_with_one_failed_action_or_sign_in_or_no_action_fails()
    {
        Assert.False(Step(1000, 50, errors: 1).Passes(200));
        Assert.False(Step(1000, 50, signInErrors: 1).Passes(200));
        Assert.False(Step(1000, 50, actions: 0).Passes(200));
        Assert.True(Step(1000, 50).Passes(200));
    }

    [Fact]
    public void The_run_goes_on_after_a_passing_step_and_stops_after_a_failing_one()
    {
        Assert.True(Steps.Continue(Step(500, 150), 200));
        Assert.False(Steps.Continue(Step(750, 250), 200));
        Assert.False(Steps.Continue(Step(750, 50, errors: 1), 200));
    }

    [Fact]
    public void The_largest_passing_step_is_the_last_one_before_the_first_failure()
    {
        Assert.Equal(1000, Steps.LargestPassing([Step(250, 20), Step(500, 40), Step(1000, 180), Step(1250, 240)], 200));
        // A step after a failure does not count, even if it passed.
        Assert.Equal(500, Steps.LargestPassing([Step(250, 20), Step(500, 40), Step(750, 40, errors: 2), Step(1000, 100)], 200));
        Assert.Equal(0, Steps.LargestPassing([Step(250, 201)], 200));
        Assert.Equal(0, Steps.LargestPassing([], 200));
    }

    [Fact]
    public void The_actions_per_second_are_the_actions_over_the_measured_seconds() =>
        Assert.Equal(200, new StepResult(1000, 12_000, 0, 60, 10, 50, 3, 0).ActionsPerSecond);
}
