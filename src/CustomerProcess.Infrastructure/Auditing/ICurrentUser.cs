namespace CustomerProcess.Infrastructure.Auditing;

/// <summary>Who is acting, for audit entries. The web layer reads it from the request.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string UserName { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;

    public string UserName => "system";
}
