using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Products;

/// <summary>A product editor adds a product to the catalogue (产品目录) that orders use; its code is unique.</summary>
public static class CreateProduct
{
    public sealed class Input : ProductInput;

    public sealed class Validator : ProductInputValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
            : base(l) =>
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the product code."]);
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError CodeUsed = new("product.code-used", "The product code {0} is already used.");

        public async Task<Result<string>> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var code = input.Code.Trim().ToUpperInvariant();
            if (await db.Products.AnyAsync(p => p.Code == code, cancellationToken))
            {
                return CodeUsed.With(code);
            }

            db.Products.Add(new Product(code, input.NameZh.Trim(), input.NameEn.Trim(), input.Specification?.Trim(), input.Unit.Trim(), input.IsStandard));
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success(code);
        }
    }
}
