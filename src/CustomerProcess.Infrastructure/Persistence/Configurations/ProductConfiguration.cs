using CustomerProcess.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(Product.CodeLength).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameZh).HasMaxLength(Product.NameLength).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(Product.NameLength).IsRequired();
        builder.Property(p => p.Specification).HasMaxLength(Product.SpecificationLength);
        builder.Property(p => p.Unit).HasMaxLength(Product.UnitLength).IsRequired();
    }
}
