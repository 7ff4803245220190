namespace CustomerProcess.Domain.Notifications;

/// <summary>
/// One in-app notification for one user (the bell). Written in the same save as the act that causes it (ADR 0024).
/// Not a business record: no history, no version; read and unread is the only change.
/// </summary>
public sealed class Notification
{
    public const int TextLength = 400;
    public const int LinkLength = 300;
    public const int KeyLength = 200;

    private Notification()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    /// <summary>What it is about, as the record's number or title (shown after the kind's text).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The local path of the page to open (always starts with '/').</summary>
    public string Link { get; private set; } = "/";

    /// <summary>A reminder's once-only key (kind, record and due step): a unique index keeps it to one per user,
    /// whichever instance and however often the scheduler runs. Null for acts.</summary>
    public string? ReminderKey { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>When it went into the daily digest mail (users who chose the digest), or null.</summary>
    public DateTime? DigestedAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public static Notification Create(string userId, NotificationKind kind, string subject, string link, DateTime nowUtc, string? reminderKey = null) => new()
    {
        UserId = userId,
        Kind = kind,
        Subject = subject.Length > TextLength ? subject[..TextLength] : subject,
        Link = link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && link.Length <= LinkLength ? link : "/",
        CreatedAtUtc = nowUtc,
        ReminderKey = reminderKey,
    };

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    public void MarkUnread() => ReadAtUtc = null;

    public void MarkDigested(DateTime nowUtc) => DigestedAtUtc ??= nowUtc;
}
