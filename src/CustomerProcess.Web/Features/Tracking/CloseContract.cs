using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>The contract administrator (or the sales manager) closes a contract as completed by hand, with the reason (docs/process.md §5).</summary>
public static class CloseContract
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for closing the contract."])
                .MaximumLength(Contract.TextLength).WithMessage(_ => l["The reason is too long."]);
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user administers contracts (→ Forbidden): checked before the form's own messages.</summary>
        public async Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            !await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken) ? ContractTracking.NotFound
            : !TrackingAccess.CanAdminister(user) ? TrackingAccess.NotAllowed
            : Result.Success();

        public async Task<Result> HandleAsync(Guid contractId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(contractId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed;
            }

            return await tracking.PerformAsync(contractId, c => c.CloseManually(input.Reason.Trim(), tracking.Today), cancellationToken);
        }
    }
}
