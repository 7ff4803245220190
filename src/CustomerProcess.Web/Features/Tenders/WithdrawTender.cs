using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>Sales withdraws a tender before its outcome, with the reason.</summary>
public static class WithdrawTender
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason."]).MaxLength(Tender.TextLength, l);
    }

    public sealed class Handler(AppDbContext db, TenderAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid tenderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var name = await db.Users.Where(u => u.UserName == user.Identity!.Name).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var withdrawn = loaded.Value!.Withdraw(input.Reason.Trim(), name, clock.GetUtcNow().UtcDateTime);
                if (withdrawn.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return withdrawn;
            });
    }
}
