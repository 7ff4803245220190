using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>A point the invitation leaves unclear is asked of the tendering party (before the go/no-go decision).</summary>
public static class AskClarification
{
    public sealed class Input
    {
        public string Question { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Question).NotEmpty().WithMessage(_ => l["Enter the question."]).MaxLength(TenderClarification.TextLength, l);
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
                var asked = loaded.Value!.AskClarification(input.Question.Trim(), name, clock.GetUtcNow().UtcDateTime);
                if (!asked.Succeeded)
                {
                    return Result.Failure(asked.Error!);
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
