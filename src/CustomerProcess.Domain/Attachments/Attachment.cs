using System.Security.Cryptography;
using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Attachments;

/// <summary>What an attachment belongs to.</summary>
public enum AttachmentOwner
{
    Contract,
    Discrepancy,
    Complaint,
    Return,
    Tender,
}

/// <summary>A file kept with a record (scanned contract, technical agreement, fax, photo, letter).
/// Kept like every record: never deleted, with who uploaded it and when, and its SHA-256.</summary>
public sealed class Attachment : BusinessRecord
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int NameLength = 255;
    public const int DescriptionLength = 500;

    public static readonly DomainError Empty = new("attachment.empty", "Choose a file to upload.");
    public static readonly DomainError TooLarge = new("attachment.too-large", "The file is larger than {0} MB.");
    public static readonly DomainError NotAllowed = new("attachment.type", "Only PDF, JPEG, PNG, Word and Excel files can be attached.");
    public static readonly DomainError ContentMismatch = new("attachment.content", "The file's content does not match its type. Only genuine PDF, JPEG, PNG, Word and Excel files can be attached.");

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private Attachment()
    {
    }

    private Attachment(AttachmentOwner ownerType, Guid ownerId, string fileName, string contentType, byte[] content, string? description, string uploadedByName, DateTime nowUtc)
    {
        OwnerType = ownerType;
        OwnerId = ownerId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexString(SHA256.HashData(content));
        Description = description;
        UploadedByName = uploadedByName;
        UploadedAtUtc = nowUtc;
    }

    public AttachmentOwner OwnerType { get; private set; }

    public Guid OwnerId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string? Description { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }

    public byte[] Content { get; private set; } = [];

    /// <summary>Checks the file (size, type by extension, content by its signature — <see cref="FileSignature"/>) and
    /// creates the record; the content type is derived from the extension, never taken from the client.</summary>
    public static Result<Attachment> Create(AttachmentOwner ownerType, Guid ownerId, string fileName, byte[] content, string? description, string uploadedByName, DateTime nowUtc)
    {
        if (content.Length == 0)
        {
            return Empty;
        }

        if (content.LongLength > MaxBytes)
        {
            return new DomainError(TooLarge.Code, TooLarge.MessageKey, MaxBytes / (1024 * 1024));
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            return NotAllowed;
        }

        // The content must be what the extension says (never SVG or HTML, which are not allowed at all).
        if (!FileSignature.Matches(name, content))
        {
            return ContentMismatch;
        }

        if (name.Length > NameLength)
        {
            name = name[^NameLength..];
        }

        return Result<Attachment>.Success(new Attachment(ownerType, ownerId, name, contentType, content, description, uploadedByName, nowUtc));
    }
}
