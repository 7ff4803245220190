using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

/// <summary>Sales records what was agreed with the customer about an unfounded return (docs/process.md §7).</summary>
public static class SettleReturn
{
    public sealed class Input
    {
        public string Settlement { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Settlement).NotEmpty().WithMessage(_ => l["Record what was agreed with the customer."])
                .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
    }

    public sealed class Handler(ComplaintAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid returnId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            access.ChangeReturnAsync(returnId, user, (r, actor) => r.Settle(input.Settlement.Trim(), actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
