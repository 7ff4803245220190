using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>Sales registers an invitation to tender with its documents (docs/process.md §4.1, tenders).</summary>
public static class RegisterTender
{
    /// <summary>Most files one invitation form may carry.</summary>
    public const int MaxFiles = 5;

    public sealed class Input
    {
        public string CustomerCode { get; set; } = "";

        public string Project { get; set; } = "";

        /// <summary>Local (China) time the bid is due.</summary>
        public DateTime? Deadline { get; set; }

        public decimal? EstimatedAmount { get; set; }

        public string? Requirements { get; set; }

        /// <summary>The form's "files": the tender documents, each checked by the attachment rules before anything is stored.</summary>
        public List<IFormFile> Files { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.CustomerCode).NotEmpty().WithMessage(_ => l["Enter the customer code."]).MaxLength(Customer.CodeLength, l);
            RuleFor(x => x.Project).NotEmpty().WithMessage(_ => l["Enter the project."]).MaxLength(Tender.ProjectLength, l);
            RuleFor(x => x.Deadline).NotNull().WithMessage(_ => l["Enter the bid deadline."]).InSaneWindow(clock, l);
            RuleFor(x => x.EstimatedAmount).NotNull().WithMessage(_ => l["Enter the estimated amount."])
                .GreaterThan(0m).WithMessage(_ => l["The amount must be above zero."])
                .LessThan(10_000_000_000m).WithMessage(_ => l["The amount is too large."]);
            RuleFor(x => x.Requirements!).MaxLength(Tender.TextLength, l);
            RuleFor(x => x.Files).Custom((files, context) =>
            {
                if (files.Count > MaxFiles)
                {
                    context.AddFailure("files", l["At most {0} files can be attached at once.", MaxFiles]);
                }

                if (files.Any(f => f.Length > Attachment.MaxBytes))
                {
                    context.AddFailure("files", Attachment.TooLarge.With(Attachment.MaxBytes / (1024 * 1024)).Localize(l));
                }
            });
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError UnknownCustomer = new("tender.customer", "No active customer has the code {0}.");

        public async Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var files = new List<(string FileName, byte[] Content)>();
            foreach (var file in input.Files.Where(f => f.Length > 0))
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellationToken);
                files.Add((file.FileName, buffer.ToArray()));
            }

            var code = input.CustomerCode.Trim().ToUpperInvariant();
            var customerId = await db.Customers.AsNoTracking().Where(c => c.Code == code && c.Status != CustomerStatus.Inactive).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (customerId is null)
            {
                return UnknownCustomer.With(code);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            foreach (var file in files)
            {
                if (Attachment.Create(AttachmentOwner.Tender, Guid.Empty, file.FileName, file.Content, null, name, now).Error is { } error)
                {
                    return error;
                }
            }

            return Result<Guid>.Success(await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var number = await numbers.NextAsync(Tender.NumberPrefix, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).Year, cancellationToken);
                var tender = new Tender(number, customerId.Value, input.Project.Trim(), Formatting.ToUtc(input.Deadline!.Value), input.EstimatedAmount!.Value,
                    string.IsNullOrWhiteSpace(input.Requirements) ? null : input.Requirements.Trim(), userId, name, now);
                db.Tenders.Add(tender);
                foreach (var file in files)
                {
                    db.Attachments.Add(Attachment.Create(AttachmentOwner.Tender, tender.Id, file.FileName, file.Content, null, name, now).Value!);
                }

                await db.SaveChangesAsync(cancellationToken);
                return tender.Id;
            }));
        }
    }
}
