using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>The outcome of a submitted bid: won, lost or withdrawn, with the winning price and competitors' prices
/// where known (kept for analysis).</summary>
public static class RecordTenderOutcome
{
    /// <summary>Competitor rows on the form.</summary>
    public const int CompetitorRows = 5;

    public sealed class Competitor
    {
        public string? Name { get; set; }

        public decimal? Price { get; set; }
    }

    public sealed class Input
    {
        public TenderOutcome? Outcome { get; set; }

        public decimal? WinningPrice { get; set; }

        public string? WinnerName { get; set; }

        public string? Note { get; set; }

        public List<Competitor> Competitors { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage(_ => l["Choose the outcome."]).IsInEnum();
            RuleFor(x => x.WinningPrice).LessThan(10_000_000_000m).WithMessage(_ => l["The amount is too large."]);
            RuleFor(x => x.WinnerName!).MaxLength(Tender.NameLength, l);
            RuleFor(x => x.Note!).MaxLength(Tender.TextLength, l);
            RuleFor(x => x.Competitors).Must(c => c.Count <= CompetitorRows).WithMessage(_ => l["Too many competitors."]);
            RuleForEach(x => x.Competitors).ChildRules(c =>
            {
                c.RuleFor(x => x.Name!).MaxLength(CompetitorBid.NameLength, l);
                c.RuleFor(x => x.Price).LessThan(10_000_000_000m).WithMessage(_ => l["The amount is too large."]);
            });
        }
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
                var competitors = input.Competitors.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => new CompetitorPrice(c.Name!.Trim(), c.Price)).ToList();
                var recorded = loaded.Value!.RecordOutcome(input.Outcome!.Value, input.WinningPrice, string.IsNullOrWhiteSpace(input.WinnerName) ? null : input.WinnerName.Trim(),
                    competitors, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), name, clock.GetUtcNow().UtcDateTime);
                if (recorded.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return recorded;
            });
    }
}
