using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality waives a corrective action, giving the reason (docs/process.md §7).</summary>
public static class WaiveCorrectiveAction
{
    public sealed class Input
    {
        /// <summary>The form's "reason".</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for waiving the action."]).MaxLength(Complaint.TextLength, l);
        }
    }

    public sealed class Handler(ComplaintAccess complaints, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid complaintId, Guid actionId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            complaints.ChangeAsync(complaintId, user, (c, actor) => c.WaiveAction(actionId, input.Reason!.Trim(), actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
