using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The user opens one of their notifications: it is marked read and the page it is about opens.
/// Another user's notification is not found.</summary>
public static class OpenNotification
{
    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("notification.not-found", "The notification does not exist.");

        public async Task<Result<string>> HandleAsync(Guid id, string userId, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
            if (notification is null)
            {
                return Result<string>.Failure(NotFound);
            }

            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success(notification.Link);
        }
    }
}
