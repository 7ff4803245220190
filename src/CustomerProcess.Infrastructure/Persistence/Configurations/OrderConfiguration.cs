using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> builder)
    {
        builder.ToTable("SalesOrders");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(SalesOrder.NumberLength).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.CustomerId, o.Status });
        builder.HasIndex(o => new { o.Status, o.CreatedAtUtc });
        builder.HasIndex(o => new { o.SalesUserId, o.CreatedAtUtc });
        // The ledger's salesperson filter: who has a contracted order, one index lookup per user (LedgerQuery.SalespeopleAsync).
        builder.HasIndex(o => new { o.SalesUserId, o.Status });
        builder.Property(o => o.SalesUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => o.TenderId); // the tender it came from (Tenders.OrderId is the foreign key; one direction keeps the insert order simple)
        builder.Property(o => o.Novelty).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.OralConfirmationMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        foreach (var text in new[]
                 {
                     nameof(SalesOrder.ExplicitRequirements), nameof(SalesOrder.ImpliedRequirements), nameof(SalesOrder.StatutoryRequirements),
                     nameof(SalesOrder.AdditionalRequirements), nameof(SalesOrder.SpecialTechnical), nameof(SalesOrder.SpecialDelivery),
                     nameof(SalesOrder.SpecialPackaging), nameof(SalesOrder.CustomerPropertyHandling), nameof(SalesOrder.ClosingReason),
                 })
        {
            builder.Property<string?>(text).HasMaxLength(SalesOrder.TextLength);
        }

        builder.Property(o => o.CustomerReference).HasMaxLength(SalesOrder.ShortTextLength);
        builder.Property(o => o.OralConfirmedBy).HasMaxLength(SalesOrder.ShortTextLength);
        builder.Property(o => o.OralConfirmationRecordedBy).HasMaxLength(SalesOrder.ShortTextLength);
        builder.Property(o => o.BillOfLadingReference).HasMaxLength(SalesOrder.ShortTextLength);
        builder.HasMany<OrderLine>("_lines").WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.Lines);
        builder.Ignore(o => o.Total);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("OrderLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.OrderId, l.LineNo }).IsUnique();
        builder.HasIndex(l => l.ProductId);
        builder.Property(l => l.Description).HasMaxLength(OrderLine.DescriptionLength).IsRequired();
        builder.Property(l => l.Specification).HasMaxLength(OrderLine.SpecificationLength);
        builder.Property(l => l.Unit).HasMaxLength(OrderLine.UnitLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DeliveryPlace).HasMaxLength(OrderLine.PlaceLength);
        builder.Property(l => l.Packaging).HasMaxLength(OrderLine.TextLength);
        builder.Property(l => l.AcceptanceCriteria).HasMaxLength(OrderLine.TextLength);
        builder.HasOne<CustomerProcess.Domain.Products.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.Amount);
    }
}
