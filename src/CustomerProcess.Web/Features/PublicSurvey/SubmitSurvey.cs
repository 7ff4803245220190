using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Surveys;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.PublicSurvey;

/// <summary>The customer answers the survey through their personal link, once (docs/process.md §9).</summary>
public static class SubmitSurvey
{
    public sealed class Input : SurveyScoresInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l) : SurveyScoresValidator<Input>(l);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        /// <summary>Unknown, used and expired links all get the same answer.</summary>
        public static readonly DomainError NoSuchLink = DomainError.NotFound("survey.link-not-usable", "The survey link is not valid.");

        public async Task<Result> HandleAsync(string token, Input input, CancellationToken cancellationToken)
        {
            var found = await SurveyLinks.FindAsync(db, clock, token, cancellationToken);
            if (found is null)
            {
                return NoSuchLink;
            }

            var valid = SurveyResponse.Validate(input.Scores);
            if (!valid.Succeeded)
            {
                return valid;
            }

            var invitation = found.Value.Invitation;
            var now = clock.GetUtcNow().UtcDateTime;
            if (!invitation.MarkUsed(now).Succeeded)
            {
                return NoSuchLink;
            }

            db.SurveyResponses.Add(new SurveyResponse(invitation.CampaignId, invitation.CustomerId, ResponseSource.CustomerLink, input.Scores,
                string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim(), now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return NoSuchLink; // the same link was submitted twice at once: the first one counts
            }

            return Result.Success();
        }
    }
}

/// <summary>Reads the invitation behind a personal survey link (only the token's hash is stored).</summary>
public static class SurveyLinks
{
    public static async Task<(SurveyInvitation Invitation, string Customer, string Campaign)?> FindAsync(AppDbContext db, TimeProvider clock, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = SurveyInvitation.Hash(token);
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsUsable(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == invitation.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId).Select(c => c.Name).FirstAsync(cancellationToken);
        return (invitation, customer, campaign);
    }
}
