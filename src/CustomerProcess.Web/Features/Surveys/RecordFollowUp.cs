using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>The follow-up of a low score: what is done about it and how far it got (docs/process.md §9).</summary>
public static class RecordFollowUp
{
    public sealed class Input
    {
        /// <summary>The form's "action".</summary>
        public string? Action { get; set; }

        /// <summary>The form's "status".</summary>
        public FollowUpStatus Status { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Action).NotEmpty().WithMessage(_ => l["Describe the follow-up action."]).MaxLength(SurveyResponse.TextLength, l);
            RuleFor(x => x.Status).IsInEnum();
        }
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("survey.response-not-found", "The response does not exist.");
        public static readonly DomainError NotTheirs = DomainError.Forbidden("survey.follow-up-not-theirs", "You may not follow up this customer's response.");

        public Task<Result> HandleAsync(Guid responseId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var response = await db.SurveyResponses.FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken);
                if (response is null)
                {
                    return Result.Failure(NotFound);
                }

                if (!await SurveyAccess.MayActForAsync(db, user, response.CustomerId, cancellationToken))
                {
                    return Result.Failure(NotTheirs);
                }

                response.SetFollowUp(input.Action!.Trim(), input.Status);
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
