using System.Text;

namespace CustomerProcess.Web.Features.History;

/// <summary>
/// The label an auditor reads for an audited field (the English text is the resource key, as everywhere).
/// A field gets a label from <see cref="Named"/> when its own name would read badly; otherwise its name is
/// humanized by fixed rules (<c>AnsweredAtUtc</c> → "Answered at", <c>CustomerId</c> → "Customer",
/// <c>AmountMinor</c> → "Amount", <c>LoggedByName</c> → "Logged by", <c>IsActive</c> → "Active").
/// <c>HistoryLabelTests</c> lists every audited property of every record and fails when its label has no
/// English or Chinese text, so a new field cannot reach the history page unlabelled.
/// </summary>
public static class HistoryLabels
{
    /// <summary>Fields the history page never shows: the record's own key (the record column names it).</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>(StringComparer.Ordinal) { "Id" };

    public static readonly IReadOnlyDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SalesUserId"] = "Salesperson",
        ["SalesUserName"] = "Salesperson",
        ["LineNo"] = "Line",
        ["NameEn"] = "English name",
        ["NameZh"] = "Chinese name",
        ["Sha256"] = "SHA-256",
        ["IsOem"] = "OEM",
        ["GoNoGoDecidedAtUtc"] = "Go/no-go decided at",
        ["HasNonStandardClauses"] = "Non-standard clauses",
        ["FollowUpAction"] = "Follow-up action",
        ["FollowUpStatus"] = "Follow-up status",
        ["TwoFactorEnabled"] = "Two-factor sign-in",
        ["OwnerName"] = "Owner",
        ["SignerName"] = "Signer",
        ["RequesterName"] = "Requester",
        ["CustodianName"] = "Custodian",
        ["WinnerName"] = "Winner",
        ["ToUserId"] = "Deputy",
        ["FromUserId"] = "Delegated by",
        ["HeadUserId"] = "Head",
        ["OwnerId"] = "Belongs to",
        ["OwnerType"] = "Belongs to kind",
        ["SubjectId"] = "Subject",
        ["SupersedesId"] = "Supersedes",
        ["ItemId"] = "Customer property",
        ["CaseId"] = "Special requirement case",
        ["CampaignId"] = "Survey campaign",
        ["ChangeId"] = "Contract change",
        ["NoticeId"] = "Task notice",
        ["HeldByChangeId"] = "Held by change",
        ["DepartmentCode"] = "Department",
        ["UserId"] = "User",
        ["RoleId"] = "Role",
        ["AtUtc"] = "Time",
    };

    /// <summary>The English resource key of a field's label.</summary>
    public static string For(string field)
    {
        if (Named.TryGetValue(field, out var named))
        {
            return named;
        }

        var name = field;
        if (name.EndsWith("AtUtc", StringComparison.Ordinal))
        {
            name = name[..^"Utc".Length];
        }
        else if (name.EndsWith("Utc", StringComparison.Ordinal))
        {
            name = name[..^"Utc".Length];
        }

        if (name.EndsWith("Minor", StringComparison.Ordinal))
        {
            name = name[..^"Minor".Length];
        }

        if (name.EndsWith("UserId", StringComparison.Ordinal))
        {
            name = name[..^"UserId".Length];
        }
        else if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2)
        {
            name = name[..^"Id".Length];
        }

        if (name.EndsWith("ByName", StringComparison.Ordinal))
        {
            name = name[..^"Name".Length];
        }

        if (name.Length > 2 && name.StartsWith("Is", StringComparison.Ordinal) && char.IsUpper(name[2]))
        {
            name = name[2..];
        }

        return Humanize(name);
    }

    private static string Humanize(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
