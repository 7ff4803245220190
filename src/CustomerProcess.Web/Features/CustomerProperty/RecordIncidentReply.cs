using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>The customer's reply to an incident report is put on record.</summary>
public static class RecordIncidentReply
{
    public sealed class Input
    {
        public Guid IncidentId { get; set; }

        public string Reply { get; set; } = "";

        public DateOnly? RepliedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Reply).NotEmpty().WithMessage(_ => l["Record the customer's reply."]).MaxLength(CustomerPropertyItem.TextLength, l);
            RuleFor(x => x.RepliedOn).NotNull().WithMessage(_ => l["Enter the date of the reply."]).InSaneWindow(clock, l);
        }
    }

    public sealed class Handler(AppDbContext db, PropertyAccess access, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid itemId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await PropertyLoading.LoadAsync(db, access, itemId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result.Failure(loaded.Error!);
                }

                var name = await PropertyLoading.DisplayNameAsync(db, user, cancellationToken);
                var replied = loaded.Value!.RecordReply(input.IncidentId, input.Reply.Trim(), input.RepliedOn!.Value, name, clock.GetUtcNow().UtcDateTime,
                    InputRules.Today(clock));
                if (replied.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return replied;
            });
    }
}
