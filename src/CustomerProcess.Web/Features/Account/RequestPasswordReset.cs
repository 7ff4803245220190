using System.Security.Cryptography;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Notifications;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// Forgot password (ADR 0024): for an active user with an e-mail address, a one-time link (32 random bytes, stored only as
/// its SHA-256, valid <c>Notifications:ResetLinkMinutes</c>) is queued as mail with the request row, in one save. The
/// answer is the same whether or not the name is known.
/// </summary>
public static class RequestPasswordReset
{
    public sealed class Input
    {
        public string UserName { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter your user name or e-mail address."]).MaxLength(InputLimits.UserNameLength, l);
    }

    public sealed class Handler(AppDbContext db, Notifier notifier, TimeProvider clock, IOptions<NotificationOptions> options) : IUseCase
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var name = input.UserName.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && (u.NormalizedUserName == name || u.NormalizedEmail == name))
                .OrderBy(u => u.NormalizedUserName == name ? 0 : 1)
                .Select(u => new { u.Id, u.Email, u.DisplayName })
                .FirstOrDefaultAsync(cancellationToken);
            var token = PasswordResetTokens.New();
            if (user is null || string.IsNullOrWhiteSpace(user.Email))
            {
                return Result.Success();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var minutes = Math.Max(1, options.Value.ResetLinkMinutes);
            db.PasswordResetRequests.Add(new PasswordResetRequest(user.Id, PasswordResetTokens.Hash(token), now, TimeSpan.FromMinutes(minutes)));
            var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
            var en = System.Globalization.CultureInfo.GetCultureInfo("en");
            var link = notifier.AbsoluteLink("/PasswordReset/Reset?token=" + token);
            var body = $"{notifier.Text("Open this link to choose a new password. It works once and expires in {0} minutes.", zh).Replace("{0}", minutes.ToString(zh), StringComparison.Ordinal)}\n"
                       + $"{notifier.Text("Open this link to choose a new password. It works once and expires in {0} minutes.", en).Replace("{0}", minutes.ToString(en), StringComparison.Ordinal)}\n\n{link}\n\n"
                       + $"{notifier.Text("If you did not ask for this, ignore this mail: your password stays as it is.", zh)}\n"
                       + $"{notifier.Text("If you did not ask for this, ignore this mail: your password stays as it is.", en)}\n";
            db.OutboxMails.Add(new OutboxMail(user.Email, user.DisplayName, notifier.Text("Reset your password", zh) + " / " + notifier.Text("Reset your password", en), body, now));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}

/// <summary>The link's token: 32 random bytes, URL-safe; only its SHA-256 (hex) is stored.</summary>
public static class PasswordResetTokens
{
    public const int TokenLength = 43;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
