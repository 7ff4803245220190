using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Sales or quality logs a complaint with the photos and letters that came with it (docs/process.md §7).</summary>
public static class LogComplaint
{
    /// <summary>Most files one complaint form may carry.</summary>
    public const int MaxFiles = 5;

    public sealed class Input
    {
        public string CustomerCode { get; set; } = "";

        public string? ContractNumber { get; set; }

        public string? ProductCode { get; set; }

        public string? BatchReference { get; set; }

        public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;

        public ComplaintChannel Channel { get; set; } = ComplaintChannel.Phone;

        public ComplaintSeverity Severity { get; set; } = ComplaintSeverity.Major;

        public string Description { get; set; } = "";

        /// <summary>Local (China) time the complaint reached us.</summary>
        public DateTime? ReceivedAt { get; set; }

        /// <summary>The form's "files": photos and letters, each checked by the attachment rules before anything is stored.</summary>
        public List<IFormFile> Files { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.CustomerCode).NotEmpty().WithMessage(_ => l["Enter the customer code."]).MaxLength(Customer.CodeLength, l);
            RuleFor(x => x.ContractNumber).MaxLength(Contract.NumberLength, l);
            RuleFor(x => x.ProductCode).MaxLength(Product.CodeLength, l);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the complaint."])
                .MaximumLength(Complaint.TextLength).WithMessage(_ => l["The description is too long."]);
            RuleFor(x => x.ReceivedAt).NotNull().WithMessage(_ => l["Enter when the complaint was received."]).InSaneWindow(clock, l);
            RuleFor(x => x.Kind).IsInEnum();
            RuleFor(x => x.Channel).IsInEnum();
            RuleFor(x => x.Severity).IsInEnum();
            RuleFor(x => x.BatchReference).MaximumLength(Complaint.ShortLength).WithMessage(_ => l["The reference is too long."]);
            RuleFor(x => x.Files).Custom((files, context) =>
            {
                if (files.Count > MaxFiles)
                {
                    context.AddFailure("files", l["At most {0} files can be attached at once.", MaxFiles]);
                    return;
                }

                foreach (var file in files.Where(f => f.Length > 0))
                {
                    // Too large: refused before a byte is read. Otherwise the attachment rules decide (type by extension and content).
                    var error = file.Length > Attachment.MaxBytes
                        ? new DomainError(Attachment.TooLarge.Code, Attachment.TooLarge.MessageKey, Attachment.MaxBytes / (1024 * 1024))
                        : Attachment.Create(AttachmentOwner.Complaint, Guid.Empty, file.FileName, ReadBuffered(file), null, "-", clock.GetUtcNow().UtcDateTime).Error;
                    if (error is not null)
                    {
                        context.AddFailure("files", file.FileName + ": " + error.Localize(l));
                    }
                }
            });
        }

        /// <summary>The form is buffered by the time it is validated: this reads the buffer, not the connection.</summary>
        private static byte[] ReadBuffered(IFormFile file)
        {
            using var buffer = new MemoryStream((int)file.Length);
            using var stream = file.OpenReadStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock, Notifications.Notifier notifier) : IUseCase
    {
        public static readonly DomainError NoCustomer = new("complaint.no-customer", "No active customer has the code {0}.");
        public static readonly DomainError NoContract = new("complaint.no-contract", "No contract {0} for this customer.");
        public static readonly DomainError NoProduct = new("complaint.no-product", "No product has the code {0}.");

        public async Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var code = input.CustomerCode.Trim().ToUpperInvariant();
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
            if (customer is null)
            {
                return NoCustomer.With(code);
            }

            var contractNumber = input.ContractNumber?.Trim().ToUpperInvariant();
            var contract = string.IsNullOrEmpty(contractNumber) ? null
                : await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Number == contractNumber, cancellationToken);
            if (!string.IsNullOrWhiteSpace(input.ContractNumber) && (contract is null || contract.CustomerId != customer.Id))
            {
                return NoContract.With(input.ContractNumber);
            }

            var productCode = input.ProductCode?.Trim().ToUpperInvariant();
            var product = string.IsNullOrEmpty(productCode) ? null
                : await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == productCode, cancellationToken);
            if (!string.IsNullOrWhiteSpace(input.ProductCode) && product is null)
            {
                return NoProduct.With(input.ProductCode);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var received = Formatting.ToUtc(input.ReceivedAt!.Value);
            var receivedCheck = Complaint.CheckReceivedAt(received, now);
            if (!receivedCheck.Succeeded)
            {
                return receivedCheck.Error!;
            }

            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var uploads = new List<(string FileName, byte[] Bytes)>();
            foreach (var file in input.Files.Where(f => f.Length > 0))
            {
                var bytes = await ReadAsync(file, cancellationToken);
                var checkedFile = Attachment.Create(AttachmentOwner.Complaint, Guid.Empty, file.FileName, bytes, null, name, now);
                if (!checkedFile.Succeeded)
                {
                    return checkedFile.Error!;
                }

                uploads.Add((file.FileName, bytes));
            }

            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var number = await numbers.NextAsync("TS", TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).Year, cancellationToken);
                var complaint = new Complaint(number, customer.Id, input.Kind, input.Channel, input.Severity, input.Description.Trim(), received, userId, name, now);
                complaint.Link(contract?.Id, product?.Id, string.IsNullOrWhiteSpace(input.BatchReference) ? null : input.BatchReference.Trim());
                db.Complaints.Add(complaint);
                foreach (var (fileName, bytes) in uploads)
                {
                    db.Attachments.Add(Attachment.Create(AttachmentOwner.Complaint, complaint.Id, fileName, bytes, null, name, now).Value!);
                }

                await notifier.NotifyAsync(new Domain.Notifications.ComplaintLogged(), complaint.Number, $"/Complaints/Details/{complaint.Id}", userId, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(complaint.Id);
            });
        }

        private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
    }
}
