using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>Staff enter a response from a returned paper form (docs/process.md §9).</summary>
public static class RecordPaperResponse
{
    public sealed class Input
    {
        public Guid CustomerId { get; set; }

        public int Quality { get; set; }

        public int Delivery { get; set; }

        public int Service { get; set; }

        public int Price { get; set; }

        public int Communication { get; set; }

        public string? Comments { get; set; }

        public IReadOnlyDictionary<SurveyDimension, int> Scores => SurveyAccess.Scores(Quality, Delivery, Service, Price, Communication);
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Comments).MaximumLength(SurveyResponse.TextLength).WithMessage(_ => l["The comments are too long."]);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotInvited = DomainError.NotFound("survey.not-invited", "The customer was not invited to this survey.");
        public static readonly DomainError NotTheirs = DomainError.Forbidden("survey.not-theirs", "You may not enter responses for this customer.");

        public async Task<Result> HandleAsync(Guid campaignId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (!await db.SurveyInvitations.AnyAsync(i => i.CampaignId == campaignId && i.CustomerId == input.CustomerId, cancellationToken))
            {
                return NotInvited;
            }

            if (!await SurveyAccess.MayActForAsync(db, user, input.CustomerId, cancellationToken))
            {
                return NotTheirs;
            }

            var valid = SurveyResponse.Validate(input.Scores);
            if (!valid.Succeeded)
            {
                return valid;
            }

            db.SurveyResponses.Add(new SurveyResponse(campaignId, input.CustomerId, ResponseSource.PaperForm, input.Scores,
                string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim(), clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
