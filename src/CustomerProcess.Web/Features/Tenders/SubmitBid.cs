using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>Sales records that the approved bid was sent; a bid whose review has not approved it cannot be.</summary>
public static class SubmitBid
{
    public sealed class Input;

    public sealed class Validator : AbstractValidator<Input>;

    public sealed class Handler(AppDbContext db, TenderAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var submitted = loaded.Value!.Submit(clock.GetUtcNow().UtcDateTime);
                if (submitted.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return submitted;
            });
    }
}
