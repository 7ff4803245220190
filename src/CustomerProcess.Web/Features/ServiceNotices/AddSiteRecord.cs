using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ServiceNotices;

/// <summary>The technical service team records a site visit (施工现场记录): what it found, did and achieved.</summary>
public static class AddSiteRecord
{
    public sealed class Input
    {
        public DateOnly? VisitedOn { get; set; }

        public string Problem { get; set; } = "";

        public string Treatment { get; set; } = "";

        public string Result { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.VisitedOn).NotNull().WithMessage(_ => l["Enter the date of the visit."]).InSaneWindow(clock, l);
            RuleFor(x => x.Problem).NotEmpty().WithMessage(_ => l["Describe the problem found."]).MaximumLength(SiteRecord.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Treatment).NotEmpty().WithMessage(_ => l["Describe the treatment."]).MaximumLength(SiteRecord.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Result).NotEmpty().WithMessage(_ => l["Record the result."]).MaximumLength(SiteRecord.TextLength).WithMessage(_ => l["The text is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, TrackingAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid noticeId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ServiceNoticeChanges.ChangeAsync(
                db,
                access,
                noticeId,
                user,
                (n, byName) => n.AddSiteRecord(input.VisitedOn!.Value, input.Problem.Trim(), input.Treatment.Trim(), input.Result.Trim(), byName, clock.GetUtcNow().UtcDateTime) is { Succeeded: false } added
                    ? Result.Failure(added.Error!)
                    : Result.Success(),
                cancellationToken);
    }
}
