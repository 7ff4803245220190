using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// Sends the queued mails that are due (ADR 0024), oldest first, each row saved as sent or failed right after its
/// attempt: a mail is never lost (it stays queued while the server is down) and is sent at most once per success.
/// Runs only on the instance holding the scheduler's lease (<see cref="NotificationScheduler"/>).
/// </summary>
public sealed class MailOutboxSender(AppDbContext db, IServiceProvider services, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailOutboxSender> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails
            .Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var transport = Transport();
        var sent = 0;
        try
        {
            foreach (var mail in due)
            {
                try
                {
                    await transport.SendAsync(mail, cancellationToken);
                    mail.Sent(clock.GetUtcNow().UtcDateTime);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    mail.Failed(e.GetType().Name + ": " + e.Message, clock.GetUtcNow().UtcDateTime);
                    logger.LogWarning("Mail {MailId} to {Address} not sent (attempt {Attempts}, next at {NextAttempt:o}): {Error}", mail.Id, mail.ToAddress, mail.Attempts, mail.NextAttemptAtUtc, mail.LastError);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (transport is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        return sent;
    }

    private IMailTransport Transport() =>
        string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
            ? ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(services)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(services);
}
