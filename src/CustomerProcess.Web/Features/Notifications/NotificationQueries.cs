using System.Globalization;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Notifications;

public sealed record NotificationListViewModel(Page<Notification> Page, bool UnreadOnly, string? Q, int UnreadCount);

public sealed record NotificationPreferencesViewModel(IReadOnlySet<NotificationKind> Email, bool DailyDigest, int DigestHour);

/// <summary>The bell's count and the list (reads only).</summary>
public sealed class NotificationQueries(AppDbContext db, CountCache cache, ChangeGenerations generations)
{
    public const int SearchLength = 100;

    /// <summary>The bell's number on every page: kept per user until a notification is saved in this process, or for
    /// at most <see cref="CountCache.TimeToLive"/> (another instance's).</summary>
    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken)
    {
        var key = string.Join('\u001f', "unread-count", generations.Of<Notification>().ToString(CultureInfo.InvariantCulture), userId);
        return cache.GetOrComputeAsync(key, () =>
            db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAtUtc == null).Take(100).CountAsync(cancellationToken));
    }

    public async Task<NotificationListViewModel> ListAsync(string userId, bool unreadOnly, string? q, int? page, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAtUtc == null);
        }

        var search = q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > SearchLength ? search[..SearchLength] : search;
            query = query.Where(n => n.Subject.Contains(search));
        }

        var items = await query.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).ToPageAsync(page, cancellationToken);
        return new NotificationListViewModel(items, unreadOnly, search, await UnreadCountAsync(userId, cancellationToken));
    }

    public async Task<NotificationPreferencesViewModel> PreferencesAsync(string userId, int digestHour, CancellationToken cancellationToken)
    {
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var off = preference?.EmailOffKinds ?? new HashSet<NotificationKind>();
        return new NotificationPreferencesViewModel(Enum.GetValues<NotificationKind>().Where(k => !off.Contains(k)).ToHashSet(), preference?.DailyDigest ?? false, digestHour);
    }
}
