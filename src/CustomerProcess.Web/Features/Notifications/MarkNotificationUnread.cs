using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The user marks one of their notifications unread again (it counts on the bell).</summary>
public static class MarkNotificationUnread
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid id, string userId, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
            if (notification is null)
            {
                return Result.Failure(OpenNotification.Handler.NotFound);
            }

            notification.MarkUnread();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
