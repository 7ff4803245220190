namespace CustomerProcess.Bench.Users.Tests;

public sealed class RecorderTests
{
    [Fact]
    public void A_sign_in_that_failed_during_the_ramp_counts_against_the_step_and_actions_before_the_window_do_not()
    {
        var recorder = new Recorder();
        recorder.SignInFailed("user 7: sign-in TaskCanceledException");
        recorder.Add(new ActionSample(5, 12.0, true, ActionKind.Browse));
        recorder.Error("user 3: GET /Ledger answered 500");

        recorder.OpenWindow();
        recorder.Add(new ActionSample(20, 30.0, true, ActionKind.Sign));
        var (samples, errors, signInErrors) = recorder.Take(10, 30);

        Assert.Equal(1, signInErrors);
        Assert.Equal(["user 7: sign-in TaskCanceledException"], errors);
        Assert.Equal(30.0, Assert.Single(samples).Milliseconds);

        // The next step starts from nothing.
        var next = recorder.Take(0, long.MaxValue);
        Assert.Equal(0, next.SignInErrors);
        Assert.Empty(next.Errors);
        Assert.Empty(next.Samples);
    }
}
