using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>The owner of a corrective action (or quality) marks it done with a note; quality verifies it next.</summary>
public static class CompleteCorrectiveAction
{
    public sealed class Input
    {
        /// <summary>The form's "note".</summary>
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Write a completion note."]).MaxLength(Complaint.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, ComplaintAccess complaints, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError ActionNotFound = DomainError.NotFound("complaint.action-not-found", "The corrective action does not exist.");
        public static readonly DomainError NotOwner = DomainError.Forbidden("complaint.action-not-owner", "Only the owner of the action or quality may complete it.");

        public async Task<Result> HandleAsync(Guid complaintId, Guid actionId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var ownerId = await db.CorrectiveActions.Where(a => a.Id == actionId && a.ComplaintId == complaintId).Select(a => a.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
            if (ownerId is null)
            {
                return ActionNotFound;
            }

            if (ownerId != user.FindFirstValue(ClaimTypes.NameIdentifier) && !ComplaintAccess.IsQuality(user))
            {
                return NotOwner;
            }

            return await complaints.ChangeAsync(complaintId, user, c => c.CompleteAction(actionId, input.Note!.Trim(), clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
    }
}
