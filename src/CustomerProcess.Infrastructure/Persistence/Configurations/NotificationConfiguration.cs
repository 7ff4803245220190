using CustomerProcess.Domain.Notifications;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Subject).HasMaxLength(Notification.TextLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkLength).IsRequired();
        builder.Property(n => n.ReminderKey).HasMaxLength(Notification.KeyLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);

        // The bell: a user's unread count and newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });

        // A reminder once per user and step, however many instances or runs; key first, so the reminder sweep finds
        // who already had a set of keys without reading the table (Notifier.PrefetchRemindedAsync).
        builder.HasIndex(n => new { n.ReminderKey, n.UserId }).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.EmailOff).HasMaxLength(NotificationPreference.KindsLength).IsRequired();
        builder.Ignore(p => p.EmailOffKinds);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMail.AddressLength).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(OutboxMail.AddressLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorLength);

        // The sender's query: unsent and due, oldest first (also the health check's oldest unsent mail).
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}

internal sealed class SchedulerLeaseConfiguration : IEntityTypeConfiguration<SchedulerLease>
{
    public void Configure(EntityTypeBuilder<SchedulerLease> builder)
    {
        builder.ToTable("SchedulerLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(SchedulerLease.NameLength);
        builder.Property(l => l.Holder).HasMaxLength(SchedulerLease.HolderLength).IsRequired();
    }
}

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> builder)
    {
        builder.ToTable("PasswordResetRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.TokenHash).HasMaxLength(PasswordResetRequest.HashLength).IsRequired();
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
