using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
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

    public sealed class Handler(ContractTracking tracking) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user administers contracts (→ Forbidden): checked before the form's own messages.</summary>
        public Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            tracking.AuthorizeAsync(contractId, TrackingAccess.CanAdminister(user), cancellationToken);

        public Task<Result> HandleAsync(Guid contractId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            tracking.PerformByAsync(contractId, user, TrackingAccess.CanAdminister(user), (c, _) => c.CloseManually(input.Reason.Trim(), tracking.Today), cancellationToken);
    }
}
