namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// <c>Mail:*</c> settings (ADR 0024). With <c>Mail:Smtp:Host</c> set, mail goes to that SMTP server; without it (the
/// Development default) each mail is written as an .eml file into <c>Mail:PickupDirectory</c> (relative paths are under
/// the app's data folder, where the SQLite database lives), so <c>dotnet run</c> works without a mail server.
/// </summary>
public sealed class MailOptions
{
    public string From { get; set; } = "customerprocess@localhost";

    public string FromName { get; set; } = "CustomerProcess";

    /// <summary>The address the app is reached at, for links in mails (e.g. https://cp.example.com). Empty: links are
    /// made from the request that caused the mail, or left relative when there is none.</summary>
    public string BaseUrl { get; set; } = "";

    public string PickupDirectory { get; set; } = "mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Mails sent per scheduler run.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The mail queue is not ready (<c>/health/ready</c>) when its oldest unsent mail is older than this.</summary>
    public int StuckAfterMinutes { get; set; } = 60;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 30;
}
