using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The owner or the sales manager records that the customer closed or went bankrupt, with what is known. The
/// customer then comes up in the six-monthly archive review with that reason, where it is marked inactive through an
/// approved request (issue #16, docs/process.md §2). The change is audited like any change of the customer.</summary>
public static class ReportCustomerClosure
{
    public sealed class Input
    {
        public CustomerClosure Closure { get; set; }

        public string Note { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Closure).IsInEnum().WithMessage(_ => l["Choose closed or bankrupt."]);
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Say what is known (source, date)."])
                .MaxLength(Customer.ClosureNoteLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = CustomerActs.NotFound;
        public static readonly DomainError NotOwner = DomainError.Forbidden("customer.closure.not-owner", "Only the customer's owner and the sales manager record this.");

        public Task<Result> HandleAsync(Guid customerId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var actor = await CustomerActs.LoadAsync(db, http.HttpContext!.User, customerId, cancellationToken);
                if (actor is null)
                {
                    return Result.Failure(NotFound);
                }

                if (!actor.MayEdit)
                {
                    return Result.Failure(NotOwner);
                }

                var reported = actor.Customer.ReportClosure(input.Closure, input.Note.Trim(), clock.GetUtcNow().UtcDateTime);
                if (reported.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return reported;
            });
    }
}
