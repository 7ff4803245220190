using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Notices;

/// <summary>The contract administrator issues the contract's production task notice (销售生产任务通知单), or a
/// revision of the one in force, to the departments concerned.</summary>
public static class IssueTaskNotice
{
    public sealed class Input
    {
        public Guid ContractId { get; set; }

        public List<string> Departments { get; set; } = [];

        public string? SpecialRequirements { get; set; }

        public string? ReviewConditions { get; set; }

        public string? Instructions { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Departments).NotEmpty().WithMessage(_ => l["Choose at least one department to notify."]);
            RuleForEach(x => x.Departments).MaxLength(Department.CodeLength, l);
            RuleFor(x => x.SpecialRequirements).MaximumLength(TaskNotice.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.ReviewConditions).MaximumLength(TaskNotice.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Instructions).MaximumLength(TaskNotice.TextLength).WithMessage(_ => l["The text is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking, NoticeWorkflow notices, Notifications.Notifier notifier) : IUseCase
    {
        public static readonly DomainError ContractNotFound = DomainError.NotFound("notice.contract-not-found", "The contract does not exist.");
        public static readonly DomainError NotAdministrator = DomainError.Forbidden("notice.not-administrator", "Only the contract administrator may issue a task notice.");

        /// <summary>The contract exists and the user administers contracts: checked before the form's own messages.</summary>
        public async Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            !await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken) ? ContractNotFound
            : !TrackingAccess.CanAdminister(user) ? NotAdministrator
            : Result.Success();

        public async Task<Result<TaskNotice>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(input.ContractId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed.Error!;
            }

            var userId = TrackingAccess.UserId(user);
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var contract = (await tracking.LoadAsync(input.ContractId, cancellationToken))!;
                var issued = await notices.IssueAsync(contract, NoticeKind.ProductionTask, input.Departments, Clean(input.SpecialRequirements), Clean(input.ReviewConditions),
                    Clean(input.Instructions), null, userId, userName, cancellationToken);
                if (issued.Succeeded)
                {
                    await notifier.TaskNoticeIssuedAsync(issued.Value!, userId, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                return issued;
            });
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
