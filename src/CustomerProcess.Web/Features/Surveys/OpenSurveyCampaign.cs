using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>Quality opens a quarterly satisfaction survey and invites customers, each with a one-time link (docs/process.md §9).</summary>
public static class OpenSurveyCampaign
{
    public sealed class Input
    {
        public string Name { get; set; } = "";

        public int Year { get; set; }

        public int Quarter { get; set; }

        public List<Guid> CustomerIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Enter a name for the campaign."])
                .MaximumLength(SurveyCampaign.NameLength).WithMessage(_ => l["Enter a name for the campaign."]);
            RuleFor(x => x.Quarter).InclusiveBetween(1, 4).WithMessage(_ => l["Choose a quarter."]);
            RuleFor(x => x.Year).InclusiveBetween(2000, 2100).OverridePropertyName(nameof(Input.Quarter)).WithMessage(_ => l["Choose a quarter."]);
            RuleFor(x => x.CustomerIds).NotEmpty().WithMessage(_ => l["Choose at least one customer."]);
        }
    }

    /// <summary>The new campaign and its links' tokens by customer id (shown once; only their hashes are stored).</summary>
    public sealed record Opened(Guid CampaignId, IReadOnlyDictionary<string, string> Tokens);

    public sealed class Handler(AppDbContext db, TimeProvider clock, IOptions<ComplaintOptions> options) : IUseCase
    {
        public static readonly DomainError NoCustomers = new("survey.no-customers", "Choose at least one customer.");

        public async Task<Result<Opened>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var customers = await db.Customers.AsNoTracking().Where(c => input.CustomerIds.Contains(c.Id) && c.Status == CustomerStatus.Active).Select(c => c.Id).ToListAsync(cancellationToken);
            if (customers.Count == 0)
            {
                return NoCustomers;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var name = await db.Users.Where(u => u.UserName == user.Identity!.Name).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var campaign = new SurveyCampaign(input.Name.Trim(), input.Year, input.Quarter, name, now);
            db.SurveyCampaigns.Add(campaign);
            var tokens = new Dictionary<string, string>();
            foreach (var customerId in customers)
            {
                var (invitation, token) = SurveyInvitation.Create(campaign.Id, customerId, now.AddDays(options.Value.SurveyLinkDays));
                db.SurveyInvitations.Add(invitation);
                tokens[customerId.ToString()] = token;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<Opened>.Success(new Opened(campaign.Id, tokens));
        }
    }
}
