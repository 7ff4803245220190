using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CustomerProcess.Web.Features.Notifications;
using CustomerProcess.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace CustomerProcess.Web.Tests.Notifications;

/// <summary>The app with SMTP pointed at a loopback port where a test starts and stops an in-process fake SMTP server
/// (netDumbster); the scheduler runs when a test runs it.</summary>
public sealed class NotificationApp : AppFactory
{
    private SimpleSmtpServer? _smtp;

    public int SmtpPort { get; } = FreePort();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:TimeoutSeconds"] = "5",
        ["Mail:BaseUrl"] = "http://cp.test",
    };

    public void StartSmtp()
    {
        _smtp ??= SimpleSmtpServer.Start(SmtpPort);
        _smtp.ClearReceivedEmail();
    }

    public void StopSmtp()
    {
        _smtp?.Stop();
        _smtp?.Dispose();
        _smtp = null;
    }

    /// <summary>What the fake SMTP server received, parsed by MimeKit (subjects and bodies decoded).</summary>
    public IReadOnlyList<MimeMessage> Received =>
        _smtp?.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList() ?? [];

    public Task<bool> RunSchedulerAsync() => Services.GetRequiredService<ScheduledWork>().RunOnceAsync(CancellationToken.None);

    protected override void Dispose(bool disposing)
    {
        StopSmtp();
        base.Dispose(disposing);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
