using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>Quality inspects a received item: passed → stored with its place and custodian; failed → held for an incident report.</summary>
public static class InspectProperty
{
    public sealed class Input
    {
        public bool? Passed { get; set; }

        public string Result { get; set; } = "";

        public string? StoragePlace { get; set; }

        public string? Custodian { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Passed).NotNull().WithMessage(_ => l["Say whether the item passed inspection."]);
            RuleFor(x => x.Result).NotEmpty().WithMessage(_ => l["Record the inspection result."]).MaxLength(CustomerPropertyItem.TextLength, l);
            RuleFor(x => x.StoragePlace).MaxLength(CustomerPropertyItem.ShortLength, l);
            RuleFor(x => x.Custodian).MaxLength(CustomerPropertyItem.ShortLength, l);
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
                var inspected = loaded.Value!.Inspect(input.Passed!.Value, input.Result.Trim(), input.StoragePlace?.Trim(), input.Custodian?.Trim(), name, clock.GetUtcNow().UtcDateTime);
                if (inspected.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return inspected;
            });
    }
}
