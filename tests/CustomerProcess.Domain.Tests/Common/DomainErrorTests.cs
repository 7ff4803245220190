using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Tests.Common;

public sealed class DomainErrorTests
{
    [Fact]
    public void Each_factory_gives_its_kind_and_filling_in_arguments_keeps_it()
    {
        Assert.Equal(ErrorKind.Invalid, new DomainError("x.invalid", "Invalid").With(1).Kind);
        Assert.Equal(ErrorKind.NotFound, DomainError.NotFound("x.missing", "Missing").With(1).Kind);
        Assert.Equal(ErrorKind.Forbidden, DomainError.Forbidden("x.forbidden", "Forbidden").With(1).Kind);
        Assert.Equal(ErrorKind.Conflict, DomainError.Conflict("x.stale", "Stale").With(1).Kind);
        Assert.Equal(ErrorKind.TooManyAttempts, DomainError.TooManyAttempts("x.throttled", "Throttled").With(1).Kind);
    }
}
