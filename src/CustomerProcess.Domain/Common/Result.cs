namespace CustomerProcess.Domain.Common;

/// <summary>
/// A business error: a stable code and a message key that the UI localizes.
/// Business outcomes are results, not exceptions (exceptions are for bugs).
/// </summary>
public sealed record DomainError(string Code, string MessageKey, params object[] Arguments);

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
