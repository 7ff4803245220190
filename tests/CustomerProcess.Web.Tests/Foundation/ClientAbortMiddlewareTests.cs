using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CustomerProcess.Web.Tests.Foundation;

public sealed class ClientAbortMiddlewareTests
{
    [Fact]
    public async Task A_request_the_client_abandoned_ends_as_499_not_as_a_server_error()
    {
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var middleware = new ClientAbortMiddleware(_ =>
        {
            aborted.Cancel();
            aborted.Token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        });

        await middleware.InvokeAsync(context);

        Assert.Equal(ClientAbortMiddleware.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_cause_is_still_an_error()
    {
        var context = new DefaultHttpContext();
        var middleware = new ClientAbortMiddleware(_ => throw new OperationCanceledException("a timeout inside the server"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => middleware.InvokeAsync(context));
    }
}
