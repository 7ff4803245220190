using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

/// <summary>Quality inspects the returned goods and says whether the return is founded (docs/process.md §7).</summary>
public static class InspectReturn
{
    public sealed class Input
    {
        public string Result { get; set; } = "";

        /// <summary>Required choice: is the customer's reason founded (the goods are nonconforming)?</summary>
        public bool? Founded { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Result).NotEmpty().WithMessage(_ => l["Record the inspection result."])
                .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
            RuleFor(x => x.Founded).NotNull().WithMessage(_ => l["Say whether the return is founded."]);
        }
    }

    public sealed class Handler(ComplaintAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid returnId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            access.ChangeReturnAsync(returnId, user, (r, actor) => r.Inspect(input.Result.Trim(), input.Founded!.Value, actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
