using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Customers;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Archive;

/// <summary>Someone outside the owning sales team asks to read a customer's file, with a reason and a period
/// (docs/process.md §2, ADR 0025). Their department head and the archive owner approve (<see cref="ApproveArchiveAccess"/>).</summary>
public static class RequestArchiveAccess
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";

        public int Days { get; set; } = 7;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason why you need the customer's file."])
                .MaxLength(ArchiveAccessGrant.ReasonLength, l);
            RuleFor(x => x.Days).InclusiveBetween(ArchiveAccessGrant.MinDays, ArchiveAccessGrant.MaxDays)
                .WithMessage(_ => l["Access lasts from {0} to {1} days.", ArchiveAccessGrant.MinDays, ArchiveAccessGrant.MaxDays]);
        }
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, CustomerFileGate gate, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.not-found", "The customer does not exist.");

        public Task<Result<Guid>> HandleAsync(Guid customerId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
                if (customer is null)
                {
                    return Result<Guid>.Failure(NotFound);
                }

                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var hasAccess = await gate.BasisAsync(customer, user, cancellationToken) is not null;
                var asked = ArchiveAccessGrant.Ask(customer, userId, name, hasAccess, input.Reason.Trim(), input.Days, clock.GetUtcNow().UtcDateTime);
                if (!asked.Succeeded)
                {
                    return Result<Guid>.Failure(asked.Error!);
                }

                db.ArchiveAccessGrants.Add(asked.Value!);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(asked.Value!.Id);
            });
    }
}
