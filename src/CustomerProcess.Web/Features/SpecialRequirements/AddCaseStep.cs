using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.SpecialRequirements;

/// <summary>The owner (or the sales manager) notes a step of a case, optionally moving it: started, done (the note is the result), reopened.</summary>
public static class AddCaseStep
{
    public sealed class Input
    {
        public string Note { get; set; } = "";

        /// <summary>Empty: a note only.</summary>
        public CaseStatus? MoveTo { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Write a note on this step."]).MaxLength(SpecialRequirementCase.TextLength, l);
            RuleFor(x => x.MoveTo).IsInEnum().WithMessage(_ => l["Choose the status."]);
        }
    }

    public sealed class Handler(AppDbContext db, CaseAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid caseId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadAsync(caseId, user, tracked: true, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var c = loaded.Value!;
                if (!CaseAccess.CanWork(user, c))
                {
                    return Result.Failure(CaseAccess.Forbidden);
                }

                var userId = CaseAccess.UserId(user);
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var stepped = c.AddStep(input.Note.Trim(), input.MoveTo, name, clock.GetUtcNow().UtcDateTime, InputRules.Today(clock));
                if (stepped.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return stepped;
            });
    }
}
