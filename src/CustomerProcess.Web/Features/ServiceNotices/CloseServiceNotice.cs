using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ServiceNotices;

/// <summary>The technical service team closes the notice with the outcome.</summary>
public static class CloseServiceNotice
{
    public sealed class Input
    {
        public string Outcome { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Outcome).NotEmpty().WithMessage(_ => l["Summarize the outcome."]).MaximumLength(ServiceNotice.TextLength).WithMessage(_ => l["The text is too long."]);
    }

    public sealed class Handler(AppDbContext db, TrackingAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid noticeId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ServiceNoticeChanges.ChangeAsync(db, access, noticeId, user, (n, byName) => n.Close(input.Outcome.Trim(), byName, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }
}
