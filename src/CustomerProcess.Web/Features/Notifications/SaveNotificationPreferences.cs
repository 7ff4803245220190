using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The user chooses which kinds also come by e-mail, and whether e-mail comes as one daily digest.
/// In-app notifications always come.</summary>
public static class SaveNotificationPreferences
{
    public sealed class Input
    {
        public List<NotificationKind> Email { get; set; } = [];

        public bool DailyDigest { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email.Count).LessThanOrEqualTo(Enum.GetValues<NotificationKind>().Length).WithMessage(_ => l["The value is not valid."]);
            RuleForEach(x => x.Email).IsInEnum().WithMessage(_ => l["The value is not valid."]);
        }
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public async Task<Result> HandleAsync(string userId, Input input, CancellationToken cancellationToken)
        {
            var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            if (preference is null)
            {
                preference = new NotificationPreference(userId);
                db.NotificationPreferences.Add(preference);
            }

            preference.Choose(input.Email, input.DailyDigest);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
