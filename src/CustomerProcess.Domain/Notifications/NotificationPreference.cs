namespace CustomerProcess.Domain.Notifications;

/// <summary>
/// A user's choice for notifications: in-app always; e-mail per kind (on unless switched off), and whether e-mails
/// are gathered into one daily digest instead of one mail per notification. One row per user; none means the defaults.
/// </summary>
public sealed class NotificationPreference
{
    public const int KindsLength = 400;

    private NotificationPreference()
    {
    }

    public NotificationPreference(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";

    /// <summary>The kinds whose e-mail is switched off, as comma-separated enum names.</summary>
    public string EmailOff { get; private set; } = "";

    public bool DailyDigest { get; private set; }

    public DateTime? LastDigestUtc { get; private set; }

    public static bool WantsEmail(NotificationPreference? preference, NotificationKind kind) =>
        preference is null || (!preference.DailyDigest && !preference.EmailOffKinds.Contains(kind));

    public IReadOnlySet<NotificationKind> EmailOffKinds =>
        EmailOff.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.TryParse<NotificationKind>(s, out var k) ? k : (NotificationKind?)null)
            .Where(k => k is not null)
            .Select(k => k!.Value)
            .ToHashSet();

    public void Choose(IEnumerable<NotificationKind> emailOn, bool dailyDigest)
    {
        var on = emailOn.ToHashSet();
        EmailOff = string.Join(',', Enum.GetValues<NotificationKind>().Where(k => !on.Contains(k)).Select(k => k.ToString()));
        DailyDigest = dailyDigest;
    }

    /// <summary>A digest user's e-mail per kind: only the kinds left on go into the digest.</summary>
    public bool DigestIncludes(NotificationKind kind) => DailyDigest && !EmailOffKinds.Contains(kind);

    public void DigestSent(DateTime nowUtc) => LastDigestUtc = nowUtc;
}
