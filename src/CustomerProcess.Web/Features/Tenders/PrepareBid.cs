using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>After the decision to bid, sales enters the bid (amount and what it offers) for its review.</summary>
public static class PrepareBid
{
    public sealed class Input
    {
        public decimal? BidAmount { get; set; }

        public string? BidNotes { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.BidAmount).NotNull().WithMessage(_ => l["Enter the bid amount."])
                .GreaterThan(0m).WithMessage(_ => l["The amount must be above zero."])
                .LessThan(10_000_000_000m).WithMessage(_ => l["The amount is too large."]);
            RuleFor(x => x.BidNotes!).MaxLength(Tender.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, TenderAccess access) : IUseCase
    {
        public Task<Result> HandleAsync(Guid tenderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var prepared = loaded.Value!.PrepareBid(input.BidAmount!.Value, string.IsNullOrWhiteSpace(input.BidNotes) ? null : input.BidNotes.Trim());
                if (prepared.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return prepared;
            });
    }
}
