using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>The sales manager (or the GM) declines a change, with the reason (docs/process.md §6).</summary>
public static class RejectChange
{
    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Give the reason for declining the change."])
                .MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking, TimeProvider clock) : IUseCase
    {
        public Task<Result> AuthorizeAsync(Guid changeId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ChangeDecisions.AuthorizeDeciderAsync(db, changeId, user, cancellationToken);

        public async Task<Result> HandleAsync(Guid changeId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(changeId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed;
            }

            var userName = await tracking.NameOfAsync(TrackingAccess.UserId(user), cancellationToken);
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var change = await ChangeDecisions.FindAsync(db, changeId, cancellationToken);
                if (change is null)
                {
                    return Result.Failure(ChangeDecisions.NotFound);
                }

                var result = change.Reject(userName, input.Note!.Trim(), clock.GetUtcNow().UtcDateTime);
                if (result.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return result;
            });
        }
    }
}
