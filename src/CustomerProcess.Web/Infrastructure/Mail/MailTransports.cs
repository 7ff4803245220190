using CustomerProcess.Infrastructure.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>Sends one queued mail or throws (the queue keeps it and tries again).</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMail mail, CancellationToken cancellationToken);
}

public static class MailMessages
{
    public static MimeMessage From(OutboxMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.MessageId = $"{mail.Id:N}@customerprocess";
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedAtUtc, DateTimeKind.Utc));
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}

/// <summary>MailKit's SMTP client: one connection per run of the queue (<see cref="MailOutboxSender"/>).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport, IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_client is not { IsConnected: true })
        {
            _client?.Dispose();
            _client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
            var security = Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto;
            await _client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await _client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password, cancellationToken);
            }
        }

        await _client.SendAsync(MailMessages.From(mail, settings), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // the server went away: nothing to close
            }
        }

        _client?.Dispose();
    }
}

/// <summary>Development without an SMTP server: each mail becomes an .eml file in the pickup directory.</summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{mail.CreatedAtUtc:yyyyMMdd-HHmmss}-{mail.Id:N}.eml");
        await MailMessages.From(mail, options.Value).WriteToAsync(path, cancellationToken);
    }
}
