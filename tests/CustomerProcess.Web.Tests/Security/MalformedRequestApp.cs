using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>The app on a real loopback port (Kestrel, as in production), with the warnings it logs captured:
/// the test server does not show what Kestrel writes on the wire for a broken reply.</summary>
public sealed class MalformedRequestApp : AppFactory, IAsyncLifetime
{
    public MalformedRequestApp()
    {
        UseKestrel(0);
    }

    public CapturedLog Log { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal))
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        BaseAddress = new Uri(address);
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>Sends raw bytes and reads the whole reply (the server closes the connection).</summary>
    public async Task<RawReply> SendRawAsync(string head, byte[] body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var reply = new MemoryStream();
        var buffer = new byte[16384];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                reply.Write(buffer, 0, read);
                if (RawReply.IsComplete(reply.ToArray()))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // connection reset: keep what arrived
        }

        return RawReply.Parse(reply.ToArray());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Every logger the app creates also writes here. (A Serilog sink would not do: the app's Serilog logger
        // factory writes through the static Log.Logger, which the other test hosts in this process replace.)
        builder.ConfigureServices(services =>
        {
            var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
            services.Remove(serilog);
            services.AddSingleton<ILoggerFactory>(sp => new TeeLoggerFactory(
                serilog.ImplementationFactory is { } create ? (ILoggerFactory)create(sp) : (ILoggerFactory)(serilog.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, serilog.ImplementationType!)),
                Log));
        });
    }

    public sealed record Entry(LogLevel Level, string Category, string Message);

    public sealed class CapturedLog
    {
        public ConcurrentQueue<Entry> Events { get; } = new();
    }

    private sealed class TeeLoggerFactory(ILoggerFactory inner, CapturedLog log) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new TeeLogger(inner.CreateLogger(categoryName), categoryName, log);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class TeeLogger(ILogger inner, string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                log.Events.Enqueue(new Entry(logLevel, category, formatter(state, exception)));
            }

            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}

public sealed record RawReply(string StatusLine, string Headers, string Body)
{
    public static RawReply Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 4)..];
        var firstLine = head.Split("\r\n")[0];
        return new RawReply(firstLine, head, body);
    }

    /// <summary>True once the headers and a Content-Length body, or a chunked body's last chunk, have arrived.</summary>
    public static bool IsComplete(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = text[..end];
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            return bytes.Length - Encoding.UTF8.GetByteCount(text[..(end + 4)]) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }
}
