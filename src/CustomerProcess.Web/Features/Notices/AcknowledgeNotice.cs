using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Notices;

/// <summary>A department acknowledges receipt of a notice (签收). Only someone acting for that department may do it.</summary>
public static class AcknowledgeNotice
{
    public sealed class Input
    {
        public string? Comment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Comment).MaximumLength(NoticeAcknowledgement.CommentLength).WithMessage(_ => l["The comment is too long."]);
    }

    public sealed class Handler(AppDbContext db, TrackingAccess access, NoticeWorkflow notices, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NoticeNotFound = DomainError.NotFound("notice.not-found", "The notice does not exist.");
        public static readonly DomainError NotActing = DomainError.Forbidden("notice.not-acting", "Only someone acting for the department may acknowledge receipt.");

        /// <summary>The notice exists and the user acts for the department: checked before the form's own messages.</summary>
        public async Task<Result> AuthorizeAsync(Guid noticeId, string department, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (!await db.TaskNotices.AnyAsync(n => n.Id == noticeId, cancellationToken))
            {
                return NoticeNotFound;
            }

            var acting = await access.ActingDepartmentsAsync(TrackingAccess.UserId(user), cancellationToken);
            return acting.Contains(department) ? Result.Success() : NotActing;
        }

        public async Task<Result> HandleAsync(Guid noticeId, string department, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(noticeId, department, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed;
            }

            var userId = TrackingAccess.UserId(user);
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var notice = (await notices.FindAsync(noticeId, cancellationToken))!;
                var acknowledged = notice.Acknowledge(department, userId, userName, comment, clock.GetUtcNow().UtcDateTime);
                if (acknowledged.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return acknowledged;
            });
        }
    }
}
