namespace CustomerProcess.Infrastructure.Mail;

/// <summary>
/// One e-mail in the database queue (ADR 0024): written in the same save as the act that causes it, sent later by
/// the scheduler's lease holder, retried with a growing pause while the SMTP server is down, never dropped.
/// Not a business record: a sent mail keeps its row (what was sent, when).
/// </summary>
public sealed class OutboxMail
{
    public const int AddressLength = 256;
    public const int SubjectLength = 400;
    public const int ErrorLength = 1000;

    /// <summary>The longest pause between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    private OutboxMail()
    {
    }

    public OutboxMail(string toAddress, string toName, string subject, string body, DateTime nowUtc)
    {
        ToAddress = toAddress;
        ToName = toName.Length > AddressLength ? toName[..AddressLength] : toName;
        Subject = subject.Length > SubjectLength ? subject[..SubjectLength] : subject;
        Body = body;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>Plain text.</summary>
    public string Body { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime nowUtc)
    {
        Attempts++;
        SentAtUtc = nowUtc;
        LastError = null;
    }

    /// <summary>A failed attempt: tried again after 1, 2, 4 … minutes, at most <see cref="MaxRetryDelay"/>.</summary>
    public void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        NextAttemptAtUtc = nowUtc + RetryDelay(Attempts);
    }

    public static TimeSpan RetryDelay(int attempts) =>
        attempts >= 6 ? MaxRetryDelay : TimeSpan.FromMinutes(Math.Min(MaxRetryDelay.TotalMinutes, Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>
/// A named lease (ADR 0026): the instance whose name is in <see cref="Holder"/> until <see cref="ExpiresAtUtc"/> runs the
/// scheduled work; taken and renewed by one conditional UPDATE, so of several instances exactly one holds it.
/// </summary>
public sealed class SchedulerLease
{
    public const int NameLength = 50;
    public const int HolderLength = 200;
    public const string Reminders = "reminders";

    private SchedulerLease()
    {
    }

    public SchedulerLease(string name) => Name = name;

    public string Name { get; private set; } = "";

    public string Holder { get; private set; } = "";

    public DateTime ExpiresAtUtc { get; private set; }
}

/// <summary>
/// A forgot-password link (ADR 0024): the token is mailed once and stored only as its SHA-256; it works once and
/// expires. Not a business record.
/// </summary>
public sealed class PasswordResetRequest
{
    public const int HashLength = 64;

    private PasswordResetRequest()
    {
    }

    public PasswordResetRequest(string userId, string tokenHash, DateTime nowUtc, TimeSpan lifetime)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + lifetime;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UserId { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? UsedAtUtc { get; private set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;

    public void Use(DateTime nowUtc) => UsedAtUtc = nowUtc;
}
