using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ServiceNotices;

/// <summary>The contract administrator asks the technical service team to act on site (技术服务通知单).</summary>
public static class IssueServiceNotice
{
    public sealed class Input
    {
        public Guid ContractId { get; set; }

        public string Site { get; set; } = "";

        public string Request { get; set; } = "";

        public DateOnly? RequiredBy { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Site).NotEmpty().WithMessage(_ => l["Enter the site."])
                .MaximumLength(ServiceNotice.SiteLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Request).NotEmpty().WithMessage(_ => l["Describe what the technical service team is to do."])
                .MaximumLength(ServiceNotice.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.RequiredBy).InSaneWindow(clock, l);
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError ContractNotFound = DomainError.NotFound("service.contract-not-found", "The contract does not exist.");
        public static readonly DomainError NotAdministrator = DomainError.Forbidden("service.not-administrator", "Only the contract administrator may issue a service notice.");

        /// <summary>The contract exists and the user administers contracts: checked before the form's own messages,
        /// so another role gets 403 whatever it posts.</summary>
        public async Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            !await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken) ? ContractNotFound
            : !TrackingAccess.CanAdminister(user) ? NotAdministrator
            : Result.Success();

        public async Task<Result<ServiceNotice>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(input.ContractId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed.Error!;
            }

            var userId = TrackingAccess.UserId(user);
            var byName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var contract = await db.Contracts.FirstAsync(c => c.Id == input.ContractId, cancellationToken);
                var executing = contract.MustBeExecuting();
                if (!executing.Succeeded)
                {
                    return Result<ServiceNotice>.Failure(executing.Error!);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var number = await numbers.NextAsync(ServiceWorkflow.Prefix, now.Year, cancellationToken);
                var notice = new ServiceNotice(number, contract.Id, input.Site.Trim(), input.Request.Trim(), input.RequiredBy, byName, now);
                db.ServiceNotices.Add(notice);
                await db.SaveChangesAsync(cancellationToken);
                return Result<ServiceNotice>.Success(notice);
            });
        }
    }
}
