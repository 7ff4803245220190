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
    public sealed class Input : SurveyScoresInput
    {
        public Guid CustomerId { get; set; }
    }

    public sealed class Validator(IStringLocalizer<SharedResource> l) : SurveyScoresValidator<Input>(l);

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
