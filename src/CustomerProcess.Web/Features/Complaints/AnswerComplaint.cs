using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality records the answer sent to the customer (docs/process.md §7).</summary>
public static class AnswerComplaint
{
    public sealed class Input
    {
        public string Text { get; set; } = "";

        public ComplaintChannel Channel { get; set; } = ComplaintChannel.Email;

        public DateTime? AnsweredAt { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Record what was said to the customer."]).MaximumLength(Complaint.TextLength);
            RuleFor(x => x.AnsweredAt).NotNull().WithMessage(_ => l["Enter when the customer was answered."]).InSaneWindow(clock, l);
        }
    }

    public sealed class Handler(ComplaintAccess complaints, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid complaintId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            complaints.ChangeAsync(
                complaintId,
                user,
                (c, actor) => c.Answer(input.Text.Trim(), input.Channel, Formatting.ToUtc(input.AnsweredAt!.Value), actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode),
                cancellationToken);
    }
}
