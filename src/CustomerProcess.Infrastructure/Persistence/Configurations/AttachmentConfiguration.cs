using CustomerProcess.Domain.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });
        builder.Property(a => a.FileName).HasMaxLength(Attachment.NameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Attachment.DescriptionLength);
        builder.Property(a => a.UploadedByName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Content).IsRequired();
    }
}
