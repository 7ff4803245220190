namespace CustomerProcess.Bench.Users.Tests;

public sealed class MixTests
{
    [Theory]
    [InlineData(0.0, ActionKind.Browse)]
    [InlineData(0.5999, ActionKind.Browse)]
    [InlineData(0.60, ActionKind.OpenReview)]
    [InlineData(0.7999, ActionKind.OpenReview)]
    [InlineData(0.80, ActionKind.Sign)]
    [InlineData(0.8999, ActionKind.Sign)]
    [InlineData(0.90, ActionKind.Write)]
    [InlineData(0.9999, ActionKind.Write)]
    public void Draws_each_action_on_its_side_of_the_share_boundaries(double u, ActionKind expected) =>
        Assert.Equal(expected, Mix.Draw(u));

    [Fact]
    public void Draws_browse_60_review_20_sign_10_and_write_10_percent_over_many_draws()
    {
        var random = new Random(7);
        const int Draws = 200_000;
        var counts = Enumerable.Range(0, Draws).Select(_ => Mix.Draw(random)).GroupBy(k => k).ToDictionary(g => g.Key, g => (double)g.Count() / Draws);

        Assert.InRange(counts[ActionKind.Browse], 0.595, 0.605);
        Assert.InRange(counts[ActionKind.OpenReview], 0.195, 0.205);
        Assert.InRange(counts[ActionKind.Sign], 0.097, 0.103);
        Assert.InRange(counts[ActionKind.Write], 0.097, 0.103);
    }

    [Fact]
    public void Think_time_is_exponential_with_the_given_mean()
    {
        var random = new Random(11);
        var mean = TimeSpan.FromSeconds(5);
        var draws = Enumerable.Range(0, 200_000).Select(_ => Mix.ThinkTime(random, mean).TotalSeconds).ToList();

        Assert.InRange(draws.Average(), 4.95, 5.05);
        // An exponential distribution's median is mean x ln 2 (3.47 s), below its mean.
        var median = draws.Order().ElementAt(draws.Count / 2);
        Assert.InRange(median, 3.40, 3.53);
        Assert.All(draws, d => Assert.True(d >= 0));
    }

    [Fact]
    public void Think_time_of_the_extreme_draws_is_zero_and_finite()
    {
        Assert.Equal(TimeSpan.Zero, Mix.ThinkTime(0, TimeSpan.FromSeconds(5)));
        Assert.Equal(5, Mix.ThinkTime(1 - Math.Exp(-1), TimeSpan.FromSeconds(5)).TotalSeconds, 9);
        Assert.True(Mix.ThinkTime(Math.BitDecrement(1.0), TimeSpan.FromSeconds(5)).TotalSeconds < 200);
    }
}
