using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The sales manager (the GM for the sales manager's own request) and, when the change lowers the review level,
/// the quality head approve a class change; the customer's class changes with the last approval, in the same save.</summary>
public static class ApproveClassChange
{
    public sealed class Input
    {
    }

    public sealed class Validator : AbstractValidator<Input>
    {
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.class-request.not-found", "The request does not exist.");

        public Task<Result> HandleAsync(Guid requestId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var request = await db.CustomerClassChangeRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
                if (request is null)
                {
                    return Result.Failure(NotFound);
                }

                var customer = await db.Customers.FirstAsync(c => c.Id == request.CustomerId, cancellationToken);
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var approved = request.Approve(
                    customer, userId, name, user.IsInRole(Roles.SalesManager), user.IsInRole(Roles.GeneralManager), user.IsInRole(Roles.QualityHead), clock.GetUtcNow().UtcDateTime);
                if (approved.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return approved;
            });
    }
}
