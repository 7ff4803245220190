using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality adds a corrective action with its owner and due date (docs/process.md §7).</summary>
public static class AddCorrectiveAction
{
    public sealed class Input
    {
        public string Description { get; set; } = "";

        public string OwnerUserId { get; set; } = "";

        public DateOnly? DueDate { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the corrective action."]).MaximumLength(Complaint.TextLength);
            RuleFor(x => x.OwnerUserId).NotEmpty().WithMessage(_ => l["Choose the owner of the action."]).MaxLength(InputLimits.UserIdLength, l);
            RuleFor(x => x.DueDate).NotNull().WithMessage(_ => l["Enter the due date."]).InSaneWindow(clock, l);
        }
    }

    public sealed class Handler(AppDbContext db, ComplaintAccess complaints) : IUseCase
    {
        public static readonly DomainError NoOwner = new("complaint.action-owner", "Choose the owner of the action.");

        public async Task<Result> HandleAsync(Guid complaintId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == input.OwnerUserId && u.IsActive).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                return NoOwner;
            }

            return await complaints.ChangeAsync(
                complaintId,
                user,
                c => c.AddAction(input.Description.Trim(), input.OwnerUserId, owner, input.DueDate!.Value) is { Succeeded: false } added ? Result.Failure(added.Error!) : Result.Success(),
                cancellationToken);
        }
    }
}
