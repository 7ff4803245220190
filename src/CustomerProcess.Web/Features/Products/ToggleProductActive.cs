using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Products;

/// <summary>A product editor takes a product out of the catalogue (orders no longer find its code) or puts it back.
/// Products are never deleted.</summary>
public static class ToggleProductActive
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid productId, CancellationToken cancellationToken)
        {
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
            if (product is null)
            {
                return EditProduct.Handler.NotFound;
            }

            if (product.IsActive)
            {
                product.Deactivate();
            }
            else
            {
                product.Reactivate();
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
