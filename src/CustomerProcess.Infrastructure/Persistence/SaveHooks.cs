using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// A save interceptor written once for EF's synchronous and asynchronous forms: a subclass says what
/// happens when a save starts, when it has succeeded, and when it failed or was cancelled (the two
/// end alike: nothing was committed by the save).
/// </summary>
public abstract class SaveHooks : SaveChangesInterceptor
{
    protected virtual void OnSaving(DbContext context)
    {
    }

    protected virtual void OnSaved(DbContext context)
    {
    }

    protected virtual void OnFailed(DbContext context)
    {
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Run(eventData.Context, OnSaving);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context, OnSaving);
        return ValueTask.FromResult(result);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Run(eventData.Context, OnSaved);
        return result;
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context, OnSaved);
        return ValueTask.FromResult(result);
    }

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData) => Run(eventData.Context, OnFailed);

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context, OnFailed);
        return Task.CompletedTask;
    }

    public sealed override void SaveChangesCanceled(DbContextEventData eventData) => Run(eventData.Context, OnFailed);

    public sealed override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context, OnFailed);
        return Task.CompletedTask;
    }

    private static void Run(DbContext? context, Action<DbContext> hook)
    {
        if (context is not null)
        {
            hook(context);
        }
    }
}
