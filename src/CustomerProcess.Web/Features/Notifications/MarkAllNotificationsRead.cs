using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The user marks every unread notification of theirs read.</summary>
public static class MarkAllNotificationsRead
{
    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public async Task<Result> HandleAsync(string userId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var notification in await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ToListAsync(cancellationToken))
            {
                notification.MarkRead(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
