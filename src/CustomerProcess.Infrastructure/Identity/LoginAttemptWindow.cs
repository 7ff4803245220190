using CustomerProcess.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Identity;

/// <summary>
/// The sign-in attempts counted against one user name in the current fixed window, shared by every instance
/// on the database (the per-name login throttle; ADR 0022). One row per name, reset when a new window starts;
/// rows of old windows are removed as new names arrive. Not a business record: no history, no version.
/// </summary>
public sealed class LoginAttemptWindow
{
    private LoginAttemptWindow()
    {
    }

    public LoginAttemptWindow(string nameKey, DateTime windowStartUtc, int count)
    {
        NameKey = nameKey;
        WindowStartUtc = windowStartUtc;
        Count = count;
    }

    /// <summary>The user name as typed, trimmed and upper-cased (the same name however it is spelled).</summary>
    public string NameKey { get; private set; } = "";

    public DateTime WindowStartUtc { get; private set; }

    public int Count { get; private set; }
}

internal sealed class LoginAttemptWindowConfiguration : IEntityTypeConfiguration<LoginAttemptWindow>
{
    public void Configure(EntityTypeBuilder<LoginAttemptWindow> builder)
    {
        builder.ToTable("LoginAttemptWindows");
        builder.HasKey(w => w.NameKey);
        builder.Property(w => w.NameKey).HasMaxLength(InputLimits.UserNameLength);
        builder.HasIndex(w => w.WindowStartUtc);
    }
}
