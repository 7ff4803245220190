using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

/// <summary>Quality books a founded return back as nonconforming product, with its disposition (docs/process.md §7).</summary>
public static class BookBackReturn
{
    public sealed class Input
    {
        public NonconformingDisposition? Disposition { get; set; }

        public string Note { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Disposition).NotNull().WithMessage(_ => l["Choose the disposition of the nonconforming goods."])
                .IsInEnum().WithMessage(_ => l["Choose the disposition of the nonconforming goods."]);
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Record where the goods were booked back and what is done with them."])
                .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
        }
    }

    public sealed class Handler(ComplaintAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid returnId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            access.ChangeReturnAsync(returnId, user, (r, actor) => r.BookBack(input.Disposition!.Value, input.Note.Trim(), actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
