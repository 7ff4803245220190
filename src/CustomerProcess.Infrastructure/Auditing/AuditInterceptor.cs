using System.Globalization;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerProcess.Infrastructure.Auditing;

/// <summary>
/// One mechanism for domain.md §11: every insert and update of a business record (and of
/// users and their roles) adds field-level audit entries to the same SaveChanges, so they
/// commit or roll back together. Hard deletes of business records are refused.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.NormalizedEmail),
        nameof(IdentityUser.NormalizedUserName),
        nameof(IdentityUser.AccessFailedCount),
        "SearchName",
        "Version",
        "Content", // attachment bytes: the audit keeps the name, size and SHA-256
    };

    private static readonly HashSet<string> MaskedFields = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
        {
            AddAuditEntries(eventData.Context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
        {
            AddAuditEntries(eventData.Context);
        }

        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var changeSet = Guid.CreateVersion7();
        var entries = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry || !IsAudited(entry))
            {
                continue;
            }

            if (entry.State == EntityState.Deleted && entry.Entity is IBusinessRecord)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} is a quality record and cannot be deleted; deactivate it instead.");
            }

            var entityType = entry.Entity is IdentityUserRole<string> ? "UserRole" : entry.Metadata.ClrType.Name;
            var entityId = KeyOf(entry);

            switch (entry.State)
            {
                case EntityState.Added:
                    foreach (var property in entry.Properties.Where(p => Audits(p) && p.CurrentValue is not null))
                    {
                        entries.Add(Entry(AuditAction.Created, property.Metadata.Name, null, Format(property.Metadata.Name, property.CurrentValue)));
                    }

                    break;
                case EntityState.Modified:
                    foreach (var property in entry.Properties.Where(p => p.IsModified && Audits(p)))
                    {
                        var oldValue = Format(property.Metadata.Name, property.OriginalValue);
                        var newValue = Format(property.Metadata.Name, property.CurrentValue);
                        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
                        {
                            entries.Add(Entry(AuditAction.Updated, property.Metadata.Name, oldValue, newValue));
                        }
                    }

                    break;
                case EntityState.Deleted:
                    // Link rows (a user's role) may go; the removal itself is recorded.
                    foreach (var property in entry.Properties.Where(Audits))
                    {
                        entries.Add(Entry(AuditAction.Deleted, property.Metadata.Name, Format(property.Metadata.Name, property.OriginalValue), null));
                    }

                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                    break;
            }

            AuditEntry Entry(AuditAction action, string field, string? oldValue, string? newValue) => new()
            {
                UtcTime = now,
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                EntityType = entityType,
                EntityId = entityId,
                Action = action,
                Field = field,
                OldValue = oldValue,
                NewValue = newValue,
                ChangeSetId = changeSet,
            };
        }

        if (entries.Count > 0)
        {
            context.Set<AuditEntry>().AddRange(entries);
        }
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is IBusinessRecord or AppUser or IdentityUserRole<string>;

    private static bool Audits(PropertyEntry property) =>
        !IgnoredFields.Contains(property.Metadata.Name) && !property.Metadata.IsShadowProperty();

    private static string KeyOf(EntityEntry entry)
    {
        if (entry.Entity is IdentityUserRole<string> link)
        {
            return link.UserId;
        }

        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string? Format(string field, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (MaskedFields.Contains(field))
        {
            return "***";
        }

        return value switch
        {
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.00##########", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
