using CustomerProcess.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// A create form's one-time token, stored in the transaction that creates the record, with where the
/// answer sent the user (the new record's page). The token is the key: a second post of the same form
/// (double click, second tab, retry) finds it and is sent to the same page instead of creating again;
/// two posts at the same moment cannot both insert it (ADR 0017).
/// </summary>
public sealed class FormSubmission
{
    /// <summary>A GUID in its 32-digit form.</summary>
    public const int TokenLength = 32;

    private FormSubmission()
    {
    }

    public FormSubmission(string token, string userId, DateTime createdAtUtc)
    {
        Token = token;
        UserId = userId;
        CreatedAtUtc = createdAtUtc;
    }

    public string Token { get; private set; } = "";

    public string UserId { get; private set; } = "";

    /// <summary>The page the first post redirected to (local URL).</summary>
    public string? Location { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");
        builder.HasKey(s => s.Token);
        builder.Property(s => s.Token).HasMaxLength(FormSubmission.TokenLength);
        builder.Property(s => s.UserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(s => s.Location).HasMaxLength(InputLimits.UrlLength);
    }
}
