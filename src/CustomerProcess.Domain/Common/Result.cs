namespace CustomerProcess.Domain.Common;

/// <summary>What kind of failure an error is; the web layer maps each kind to one response
/// (<c>UseCaseResponses</c>): not found → 404, forbidden → 403, conflict and invalid → the form again with the message,
/// too many attempts → the form again with the message and 429.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a business rule or the record's state does not allow the action.</summary>
    Invalid,

    /// <summary>The record does not exist (or is not visible to this user).</summary>
    NotFound,

    /// <summary>The user may not do this to this record.</summary>
    Forbidden,

    /// <summary>Someone else changed the record since the form was loaded; reload and try again.</summary>
    Conflict,

    /// <summary>Too many attempts in a short time (the per-name sign-in limit); wait and try again.</summary>
    TooManyAttempts,
}

/// <summary>
/// A business error: a stable code, a message key that the UI localizes, and its kind.
/// Business outcomes are results, not exceptions (exceptions are for bugs).
/// </summary>
public sealed record DomainError(string Code, string MessageKey, params object[] Arguments)
{
    public ErrorKind Kind { get; init; } = ErrorKind.Invalid;

    public static DomainError NotFound(string code, string messageKey) => new(code, messageKey) { Kind = ErrorKind.NotFound };

    public static DomainError Forbidden(string code, string messageKey) => new(code, messageKey) { Kind = ErrorKind.Forbidden };

    public static DomainError Conflict(string code, string messageKey) => new(code, messageKey) { Kind = ErrorKind.Conflict };

    public static DomainError TooManyAttempts(string code, string messageKey) => new(code, messageKey) { Kind = ErrorKind.TooManyAttempts };

    /// <summary>The same error (code, message, kind) with the message's arguments filled in.</summary>
    public DomainError With(params object[] arguments) => this with { Arguments = arguments };

    /// <summary>Same code: the error is this one, whatever its arguments.</summary>
    public bool Is(DomainError other) => Code == other.Code;
}

public readonly record struct Result
{
    private Result(DomainError? error) => Error = error;

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(DomainError error) => new(error);

    public static implicit operator Result(DomainError error) => Failure(error);
}

public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(DomainError error) => new(default, error);

    public static implicit operator Result<T>(DomainError error) => Failure(error);
}
