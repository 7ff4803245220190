using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>An item is taken out of storage for use (what for), or put back after use.</summary>
public static class RecordPropertyUse
{
    public sealed class Input
    {
        public string Note { get; set; } = "";

        /// <summary>True: taken out for use; false: back into storage.</summary>
        public bool InUse { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Record what the item is used for."]).MaxLength(CustomerPropertyItem.TextLength, l);
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
                var used = loaded.Value!.RecordUse(input.Note.Trim(), input.InUse, name, clock.GetUtcNow().UtcDateTime);
                if (used.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return used;
            });
    }
}
