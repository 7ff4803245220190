using CustomerProcess.Domain.Notifications;

namespace CustomerProcess.Domain.Tests.Notifications;

/// <summary>The daily digest: not yet digested notifications, grouped by kind in the kinds' order, newest first.</summary>
public sealed class DigestGroupingTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Notifications_are_grouped_by_kind_in_the_kinds_order_with_the_newest_first()
    {
        var complaint = Notification.Create("u", NotificationKind.ComplaintAssigned, "TS-2026-0001", "/Complaints/Details/1", Start);
        var first = Notification.Create("u", NotificationKind.SectionAwaitingSignature, "DD-2026-0001", "/Reviews/1", Start.AddHours(1));
        var second = Notification.Create("u", NotificationKind.SectionAwaitingSignature, "DD-2026-0002", "/Reviews/2", Start.AddHours(2));

        var groups = DigestGrouping.Group([complaint, first, second]);

        Assert.Equal([NotificationKind.SectionAwaitingSignature, NotificationKind.ComplaintAssigned], groups.Select(g => g.Kind));
        Assert.Equal(["DD-2026-0002", "DD-2026-0001"], groups[0].Items.Select(n => n.Subject));
        Assert.Equal(["TS-2026-0001"], groups[1].Items.Select(n => n.Subject));
    }

    [Fact]
    public void Notifications_already_in_a_digest_are_left_out()
    {
        var old = Notification.Create("u", NotificationKind.CorrectiveActionDue, "old", "/", Start);
        old.MarkDigested(Start.AddDays(1));
        var fresh = Notification.Create("u", NotificationKind.CorrectiveActionDue, "fresh", "/", Start.AddDays(1));

        var groups = DigestGrouping.Group([old, fresh]);

        Assert.Equal(["fresh"], Assert.Single(groups).Items.Select(n => n.Subject));
    }

    [Fact]
    public void Nothing_new_makes_an_empty_digest() => Assert.Empty(DigestGrouping.Group([]));

    [Fact]
    public void A_link_that_leaves_the_site_is_replaced_by_the_home_page()
    {
        Assert.Equal("/", Notification.Create("u", NotificationKind.ComplaintAssigned, "x", "https://evil.example", Start).Link);
        Assert.Equal("/", Notification.Create("u", NotificationKind.ComplaintAssigned, "x", "//evil.example", Start).Link);
        Assert.Equal("/Reviews/1", Notification.Create("u", NotificationKind.ComplaintAssigned, "x", "/Reviews/1", Start).Link);
    }

    [Fact]
    public void Email_is_on_by_default_per_kind_and_off_when_switched_off_or_gathered_into_the_digest()
    {
        Assert.True(NotificationPreference.WantsEmail(null, NotificationKind.ComplaintAssigned));
        var preference = new NotificationPreference("u");
        preference.Choose([NotificationKind.SectionAwaitingSignature], dailyDigest: false);
        Assert.True(NotificationPreference.WantsEmail(preference, NotificationKind.SectionAwaitingSignature));
        Assert.False(NotificationPreference.WantsEmail(preference, NotificationKind.ComplaintAssigned));

        preference.Choose([NotificationKind.SectionAwaitingSignature], dailyDigest: true);
        Assert.False(NotificationPreference.WantsEmail(preference, NotificationKind.SectionAwaitingSignature));
        Assert.True(preference.DigestIncludes(NotificationKind.SectionAwaitingSignature));
        Assert.False(preference.DigestIncludes(NotificationKind.ComplaintAssigned));
    }
}
