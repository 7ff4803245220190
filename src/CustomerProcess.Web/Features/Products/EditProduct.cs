using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Products;

/// <summary>A product editor changes a product's names, specification, unit and kind. The code is fixed once
/// created (a posted code is ignored); a form loaded on an older version is refused (<see cref="EditConflicts"/>).</summary>
public static class EditProduct
{
    public sealed class Input : ProductInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l) : ProductInputValidator<Input>(l);

    public sealed class Handler(AppDbContext db, EditConflicts conflicts) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("product.not-found", "The product does not exist.");
        public static readonly DomainError Stale = DomainError.Conflict("product.stale", "Someone else changed this record while you were editing.");

        public async Task<Result> HandleAsync(Guid productId, Input input, CancellationToken cancellationToken)
        {
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
            return await conflicts.EditAtVersionAsync(
                product, input.Version, NotFound, Stale, p => p.Update(input.NameZh.Trim(), input.NameEn.Trim(), input.Specification?.Trim(), input.Unit.Trim(), input.IsStandard), cancellationToken);
        }
    }
}
