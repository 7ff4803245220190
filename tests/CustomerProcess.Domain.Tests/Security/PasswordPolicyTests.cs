using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Tests.Security;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData(11, false)] // just below
    [InlineData(12, true)]  // at the minimum
    [InlineData(13, true)]  // just above
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Length_is_the_only_rule(int length, bool acceptable)
    {
        Assert.Equal(acceptable, PasswordPolicy.IsAcceptable(new string('a', length)));
    }

    [Fact]
    public void No_composition_rules_apply()
    {
        Assert.True(PasswordPolicy.IsAcceptable("all lower case words"));
        Assert.True(PasswordPolicy.IsAcceptable("口令由十二个汉字组成也可以的"));
        Assert.False(PasswordPolicy.IsAcceptable(null));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void The_fifth_failure_locks_the_account(int failures, bool locked)
    {
        Assert.Equal(locked, PasswordPolicy.LocksOutAfter(failures));
    }

    [Fact]
    public void Every_role_of_the_process_exists_once()
    {
        Assert.Equal(14, Roles.All.Count);
        Assert.Equal(Roles.All.Count, Roles.All.Distinct().Count());
        Assert.True(Roles.IsKnown(Roles.GeneralManager));
        Assert.False(Roles.IsKnown("generalmanager"));
    }
}
