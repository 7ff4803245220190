using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The owner or the sales manager asks, with a reason, for a class the records did not earn (issue #16).
/// Nothing changes on the customer until the approvals are given (<see cref="ApproveClassChange"/>).</summary>
public static class RequestClassChange
{
    public sealed class Input
    {
        public CustomerClass ToClass { get; set; }

        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ToClass).IsInEnum().WithMessage(_ => l["Choose a customer class."]);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for the change of class."])
                .MaxLength(CustomerClassChangeRequest.ReasonLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.not-found", "The customer does not exist.");

        public Task<Result<Guid>> HandleAsync(Guid customerId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
                if (customer is null)
                {
                    return Result<Guid>.Failure(NotFound);
                }

                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var asked = CustomerClassChangeRequest.Ask(customer, input.ToClass, input.Reason.Trim(), userId, name, user.IsInRole(Roles.SalesManager), clock.GetUtcNow().UtcDateTime);
                if (!asked.Succeeded)
                {
                    return Result<Guid>.Failure(asked.Error!);
                }

                db.CustomerClassChangeRequests.Add(asked.Value!);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(asked.Value!.Id);
            });
    }
}
