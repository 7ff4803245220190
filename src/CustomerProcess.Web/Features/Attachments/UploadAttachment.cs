using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Attachments;

/// <summary>Someone who keeps a record (and may read it) attaches a file to it while it still accepts files. The type
/// is checked by extension and content signature, the size against <see cref="Attachment.MaxBytes"/> (docs/process.md).</summary>
public static class UploadAttachment
{
    public sealed class Input
    {
        public AttachmentOwner OwnerType { get; set; }

        public Guid OwnerId { get; set; }

        public IFormFile? File { get; set; }

        public string? Description { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Description).MaxLength(Attachment.DescriptionLength, l);
    }

    public sealed class Handler(AppDbContext db, AttachmentAccess access, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotAllowed = DomainError.Forbidden("attachment.not-allowed", "You may not attach files to this record.");

        /// <summary>The result is the stored file name.</summary>
        public async Task<Result<string>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (!AttachmentAccess.CanUpload(user, input.OwnerType) || !await access.CanReadAsync(user, input.OwnerType, input.OwnerId, cancellationToken)
                || !await access.AcceptsFilesAsync(input.OwnerType, input.OwnerId, cancellationToken))
            {
                return NotAllowed;
            }

            if (input.File is not { Length: > 0 } file)
            {
                return Attachment.Empty;
            }

            if (file.Length > Attachment.MaxBytes)
            {
                return Attachment.TooLarge.With(Attachment.MaxBytes / (1024 * 1024));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var name = await db.Users.Where(u => u.UserName == user.Identity!.Name).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
            var created = Attachment.Create(input.OwnerType, input.OwnerId, file.FileName, buffer.ToArray(), description, name, clock.GetUtcNow().UtcDateTime);
            if (!created.Succeeded)
            {
                return Result<string>.Failure(created.Error!);
            }

            db.Attachments.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success(created.Value!.FileName);
        }
    }
}
