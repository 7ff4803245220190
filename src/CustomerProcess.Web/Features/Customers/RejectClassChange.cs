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

/// <summary>An approver refuses a class change (or the requester withdraws it); the customer keeps its class.</summary>
public static class RejectClassChange
{
    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note!).MaxLength(CustomerClassChangeRequest.ReasonLength, l);
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid requestId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var request = await db.CustomerClassChangeRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
                if (request is null)
                {
                    return Result.Failure(ApproveClassChange.Handler.NotFound);
                }

                var customer = await db.Customers.FirstAsync(c => c.Id == request.CustomerId, cancellationToken);
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
                var rejected = request.Reject(
                    customer, userId, name, user.IsInRole(Roles.SalesManager), user.IsInRole(Roles.GeneralManager), user.IsInRole(Roles.QualityHead), clock.GetUtcNow().UtcDateTime, note);
                if (rejected.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return rejected;
            });
    }
}
