using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>Quality returns the item to the customer (once every incident report has the customer's reply).</summary>
public static class ReturnProperty
{
    public sealed class Input
    {
        public DateOnly? ReturnedOn { get; set; }

        public string Note { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.ReturnedOn).NotNull().WithMessage(_ => l["Enter the date of the return."]).InSaneWindow(clock, l);
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Record how and to whom the item was returned."]).MaxLength(CustomerPropertyItem.TextLength, l);
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
                var returned = loaded.Value!.Return(input.ReturnedOn!.Value, input.Note.Trim(), name, InputRules.Today(clock));
                if (returned.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return returned;
            });
    }
}
