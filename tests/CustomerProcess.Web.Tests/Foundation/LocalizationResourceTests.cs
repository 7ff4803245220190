using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Web.Tests.Support;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>Every string the UI asks for exists in English and in Chinese.</summary>
public sealed partial class LocalizationResourceTests
{
    private static readonly string WebRoot = Path.Combine(Repository.Root, "src", "CustomerProcess.Web");

    [Fact]
    public void Every_localized_string_in_views_and_code_has_an_English_and_a_Chinese_text()
    {
        var neutral = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");
        var used = UsedKeys().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);

        var missingEnglish = used.Where(k => !neutral.ContainsKey(k)).Order().ToList();
        var missingChinese = used.Where(k => !chinese.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).Order().ToList();

        Assert.True(missingEnglish.Count == 0, "Missing in SharedResource.resx: " + string.Join(" | ", missingEnglish));
        Assert.True(missingChinese.Count == 0, "Missing in SharedResource.zh-CN.resx: " + string.Join(" | ", missingChinese));
    }

    [Fact]
    public void The_two_resource_files_have_the_same_keys_and_placeholders()
    {
        var neutral = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");
        Assert.Equal(neutral.Keys.Order(), chinese.Keys.Order());
        foreach (var (key, english) in neutral)
        {
            Assert.True(
                Placeholders(english).SetEquals(Placeholders(chinese[key])),
                $"Placeholders differ for '{key}': '{english}' vs '{chinese[key]}'");
        }
    }

    private static readonly Dictionary<string, IEnumerable<string>> DynamicPrefixes = new(StringComparer.Ordinal)
    {
        ["Role."] = Roles.All,
        ["Level."] = Enum.GetNames<ReviewLevel>(),
        ["Channel."] = Enum.GetNames<OrderChannel>(),
        ["Novelty."] = Enum.GetNames<ProductNovelty>(),
        ["OrderStatus."] = Enum.GetNames<OrderStatus>(),
        ["ReviewStatus."] = Enum.GetNames<ReviewStatus>(),
        ["SectionStatus."] = Enum.GetNames<SectionStatus>(),
        ["Conclusion."] = Enum.GetNames<SectionConclusion>(),
        ["Meaning."] = Enum.GetNames<SignatureMeaning>(),
        ["DiscrepancyStatus."] = Enum.GetNames<DiscrepancyStatus>(),
        ["Evidence."] = Enum.GetNames<EvidenceType>(),
        ["Method."] = Enum.GetNames<ConfirmationMethod>(),
        ["ContractStatus."] = Enum.GetNames<ContractStatus>(),
        ["Capacity."] = Enum.GetNames<ReviewConcluder>(),
        ["Subject."] = Enum.GetNames<ReviewSubjectKind>(),
        ["NotificationKind."] = Enum.GetNames<CustomerProcess.Domain.Notifications.NotificationKind>(),
        ["Queue."] = ["sign", "confirm", "resolve", "conclude", "approve", "contract", "draft", "acknowledge", "change", "notice", "service", "complaint", "verify", "action", .. CustomerProcess.Web.Features.Tenders.TenderQueue.Kinds],
        ["Started."] = CustomerProcess.Web.Features.Dashboards.HomeDashboardQuery.StartedKinds,
        ["NoticeKind."] = Enum.GetNames<NoticeKind>(),
        ["NoticeStatus."] = Enum.GetNames<NoticeStatus>(),
        ["ChangeKind."] = Enum.GetNames<ChangeKind>(),
        ["ChangeStatus."] = Enum.GetNames<ChangeStatus>(),
        ["ChangeParty."] = Enum.GetNames<ChangeParty>(),
        ["Consequence."] = Enum.GetNames<ChangeConsequence>(),
        ["ServiceStatus."] = Enum.GetNames<ServiceNoticeStatus>(),
        ["CommunicationChannel."] = Enum.GetNames<CommunicationChannel>(),
        ["Overdue."] = Enum.GetNames<CustomerProcess.Web.Features.Ledger.OverdueFilter>(),
        ["Severity."] = Enum.GetNames<ComplaintSeverity>(),
        ["ComplaintChannel."] = Enum.GetNames<ComplaintChannel>(),
        ["Kind."] = Enum.GetNames<ComplaintKind>(),
        ["ComplaintStatus."] = Enum.GetNames<ComplaintStatus>(),
        ["Cause."] = Enum.GetNames<CauseCategory>(),
        ["ActionStatus."] = Enum.GetNames<ActionStatus>(),
        ["ReturnStatus."] = Enum.GetNames<ReturnStatus>(),
        ["EvidencePackStatus."] = Enum.GetNames<CustomerProcess.Domain.Evidence.EvidencePackStatus>(),
        ["Dimension."] = Enum.GetNames<SurveyDimension>(),
        ["AccessStatus."] = Enum.GetNames<CustomerProcess.Domain.Customers.ArchiveAccessStatus>(),
        ["FilePart."] = Enum.GetNames<CustomerProcess.Domain.Customers.CustomerFilePart>(),
        ["FileBasis."] = Enum.GetNames<CustomerProcess.Domain.Customers.CustomerFileBasis>(),
        ["ReviewReason."] = Enum.GetNames<CustomerProcess.Domain.Customers.ArchiveReviewReason>(),
        ["Closure."] = Enum.GetNames<CustomerProcess.Domain.Customers.CustomerClosure>(),
        ["Source."] = Enum.GetNames<ResponseSource>(),
        ["FollowUp."] = Enum.GetNames<FollowUpStatus>(),
        ["Disposition."] = Enum.GetNames<NonconformingDisposition>(),
        ["TenderStatus."] = Enum.GetNames<CustomerProcess.Domain.Tenders.TenderStatus>(),
        ["Outcome."] = Enum.GetNames<CustomerProcess.Domain.Tenders.TenderOutcome>(),
        ["Waiting."] = Enum.GetNames<CustomerProcess.Web.Features.Complaints.WaitingKind>(),
        ["PropertyKind."] = Enum.GetNames<CustomerProcess.Domain.CustomerProperty.PropertyKind>(),
        ["PropertyStatus."] = Enum.GetNames<CustomerProcess.Domain.CustomerProperty.PropertyStatus>(),
        ["PropertyIncidentKind."] = Enum.GetNames<CustomerProcess.Domain.CustomerProperty.PropertyIncidentKind>(),
        ["CaseStatus."] = Enum.GetNames<CustomerProcess.Domain.SpecialRequirements.CaseStatus>(),
        ["CasePriority."] = Enum.GetNames<CustomerProcess.Domain.SpecialRequirements.CasePriority>(),
        ["CaseSource."] = Enum.GetNames<CustomerProcess.Domain.SpecialRequirements.CaseSource>(),
        ["RetentionType."] = Enum.GetNames<CustomerProcess.Domain.Retention.RetentionRecordType>(),
        ["DisposalStatus."] = Enum.GetNames<CustomerProcess.Domain.Retention.DisposalStatus>(),
        ["RetentionStart."] = Enum.GetNames<CustomerProcess.Domain.Retention.RetentionRecordType>(),
    };

    private static IEnumerable<string> UsedKeys()
    {
        foreach (var file in Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            foreach (Match m in LocalizerCall().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups[1].Value;
                if (DynamicPrefixes.TryGetValue(key, out var values))
                {
                    // "Level." + level and the like: every value of the enum needs a text.
                    foreach (var value in values)
                    {
                        yield return key + value;
                    }
                }
                else if (!PrefixPattern().IsMatch(key))
                {
                    yield return Regex.Unescape(key);
                }
                else
                {
                    Assert.Fail($"The prefix key '{key}' has no entry in DynamicPrefixes.");
                }
            }
        }

        var domain = Path.Combine(Repository.Root, "src", "CustomerProcess.Domain");
        foreach (var file in Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(WebRoot, "*.cs", SearchOption.AllDirectories)))
        {
            foreach (Match m in DomainErrorKey().Matches(File.ReadAllText(file)))
            {
                yield return m.Groups[1].Value;
            }
        }

        // Enum values passed as DomainError arguments are localized by their bare name.
        foreach (var name in Enum.GetNames<CustomerClass>().Concat(Enum.GetNames<CustomerStatus>()).Concat(Enum.GetNames<CreditRating>()).Concat(Enum.GetNames<AuditAction>())
                     .Concat(Enum.GetNames<ContractStatus>()).Concat(Enum.GetNames<ChangeKind>()).Concat(Enum.GetNames<LineField>()).Concat(Enum.GetNames<ChangeStatus>())
                     .Concat(Enum.GetNames<ChangeConsequence>()).Concat(Enum.GetNames<CustomerProcess.Domain.CustomerProperty.PropertyStatus>())
                     .Concat(Enum.GetNames<CustomerProcess.Domain.SpecialRequirements.CaseStatus>())
                     .Concat(Enum.GetNames<CustomerProcess.Domain.Retention.DisposalStatus>()).Concat(Enum.GetNames<CustomerProcess.Domain.Retention.RetentionRecordType>()))
        {
            yield return name;
        }

        foreach (var entity in new[]
                 {
                     "Customer", "Contact", "Product", "Department", "AppUser", "UserRole", "SalesOrder", "OrderLine", "Review",
                     "ReviewSection", "ReviewSignature", "Discrepancy", "DepartmentDelegation", "ReviewPolicySetting", "Contract",
                     "ContractLine", "ContractVersion", "Delivery", "DeliveryLine", "Invoice", "Payment", "ContractChange", "ContractChangeLine",
                     "TaskNotice", "NoticeLine", "NoticeAcknowledgement", "ServiceNotice", "SiteRecord", "Quotation", "CommunicationEntry",
                     "Complaint", "CorrectiveAction", "ReturnRecord", "SurveyCampaign", "SurveyInvitation", "SurveyResponse", "Attachment",
                     "CustomerPropertyItem", "PropertyIncident", "SpecialRequirementCase", "CaseNote",
                     "Tender", "TenderClarification", "CompetitorBid", "TenderPolicySetting",
                     "DisposalRecord", "DisposalItem",
                 })
        {
            yield return entity;
        }

        // Review-level reasons and checklist items are keys too.
        foreach (var department in ReviewDepartments.FormOrder)
        {
            foreach (var item in ReviewDepartments.Checklist(department))
            {
                yield return item;
            }
        }

        foreach (var file in Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in RuleReason().Matches(File.ReadAllText(file)))
            {
                yield return m.Groups[1].Value;
            }
        }

        // Tender review reasons (TenderReviewPolicy) are keys too.
        foreach (var key in new[]
                 {
                     CustomerProcess.Domain.Tenders.TenderReviewPolicy.InternalReason, CustomerProcess.Domain.Tenders.TenderReviewPolicy.FullReason,
                     CustomerProcess.Domain.Tenders.TenderReviewPolicy.GoNoGoReason, CustomerProcess.Domain.Tenders.TenderReviewPolicy.BidReason,
                 })
        {
            yield return key;
        }
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];


    [GeneratedRegex(@"\b(?:[lL]|localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"new(?: DomainError)?\(""[a-z.-]+"", ""([^""]+)""")]
    private static partial Regex DomainErrorKey();

    [GeneratedRegex(@"new\(ReviewLevel\.\w+, ""([^""]+)""")]
    private static partial Regex RuleReason();

    [GeneratedRegex(@"^[A-Za-z]+\.$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
