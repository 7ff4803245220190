using System.Collections.Concurrent;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// One async lock per user (id, or sign-in name), in this process. Serialises a read-check-count sequence on
/// one user's row (the signature password check and the password sign-in with their failed-attempt count,
/// issue #21 finding 9) so parallel
/// requests cannot all read the same count before any of them writes it. Several instances each
/// serialise their own requests; see docs/adr/0007-signature-password-check.md.
/// </summary>
public sealed class UserLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string userId, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
