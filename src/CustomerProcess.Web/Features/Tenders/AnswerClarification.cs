using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>The tendering party's answer to a clarification, with its evidence (phone note, fax, letter, e-mail).</summary>
public static class AnswerClarification
{
    public sealed class Input
    {
        public Guid ClarificationId { get; set; }

        public string Answer { get; set; } = "";

        public EvidenceType? Evidence { get; set; }

        public string? EvidenceReference { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Answer).NotEmpty().WithMessage(_ => l["Enter the answer."]).MaxLength(TenderClarification.TextLength, l);
            RuleFor(x => x.Evidence).NotNull().WithMessage(_ => l["Choose the evidence."]).IsInEnum();
            RuleFor(x => x.EvidenceReference!).MaxLength(TenderClarification.ReferenceLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, TenderAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid tenderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var name = await db.Users.Where(u => u.UserName == user.Identity!.Name).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var answered = loaded.Value!.AnswerClarification(input.ClarificationId, input.Answer.Trim(), input.Evidence!.Value,
                    string.IsNullOrWhiteSpace(input.EvidenceReference) ? null : input.EvidenceReference.Trim(), name, clock.GetUtcNow().UtcDateTime);
                if (answered.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return answered;
            });
    }
}
