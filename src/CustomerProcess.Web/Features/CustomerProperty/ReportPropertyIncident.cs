using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>Quality reports a failed inspection, damage, loss, unsuitability or a quantity mismatch to the customer
/// (顾客财产问题报告, numbered CPR-yyyy-nnnn); the item is held until the customer's reply is on record.</summary>
public static class ReportPropertyIncident
{
    public sealed class Input
    {
        public PropertyIncidentKind? Kind { get; set; }

        public string Description { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(_ => l["Choose what went wrong."]).IsInEnum().WithMessage(_ => l["Choose what went wrong."]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the problem for the customer."]).MaxLength(CustomerPropertyItem.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, PropertyAccess access, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public Task<Result<Guid>> HandleAsync(Guid itemId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await PropertyLoading.LoadAsync(db, access, itemId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result<Guid>.Failure(loaded.Error!);
                }

                var item = loaded.Value!;
                if (PropertyTransitions.IsFinal(item.Status))
                {
                    return CustomerPropertyItem.IllegalMove.With(item.Status, input.Kind == PropertyIncidentKind.Loss ? PropertyStatus.Lost : PropertyStatus.OnHold);
                }

                var number = await numbers.NextAsync("CPR", InputRules.Today(clock).Year, cancellationToken);
                var name = await PropertyLoading.DisplayNameAsync(db, user, cancellationToken);
                var reported = item.ReportIncident(number, input.Kind!.Value, input.Description.Trim(), user.FindFirstValue(ClaimTypes.NameIdentifier)!, name,
                    clock.GetUtcNow().UtcDateTime);
                if (!reported.Succeeded)
                {
                    return reported.Error!;
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(reported.Value!.Id);
            });
    }
}
