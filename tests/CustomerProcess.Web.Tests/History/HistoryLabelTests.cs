using System.Xml.Linq;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.History;

/// <summary>Issue #18 item 2: every field the audit trail records reaches the history page with a label, a value and a
/// record name in both languages — a new field or record type without them fails here, not in front of an auditor.</summary>
[Collection(AppCollection.Name)]
public sealed class HistoryLabelTests(AppFactory app)
{
    /// <summary>Fields the audit interceptor does not record (its IgnoredFields).</summary>
    private static readonly HashSet<string> NotAudited = new(StringComparer.Ordinal)
    {
        "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName", "AccessFailedCount", "SearchName", "WaitingSinceUtc", "Version", "Content",
    };

    private List<IEntityType> AuditedTypes()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var types = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && (typeof(IBusinessRecord).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(AppUser)))
            .ToList();
        Assert.True(types.Count >= 40, $"Only {types.Count} audited record types found.");
        return types;
    }

    private static IEnumerable<(IEntityType Type, IProperty Property)> AuditedProperties(IEnumerable<IEntityType> types) =>
        types.SelectMany(t => t.GetProperties().Where(p => !p.IsShadowProperty() && !NotAudited.Contains(p.Name) && !HistoryLabels.Hidden.Contains(p.Name)).Select(p => (t, p)));

    [Fact]
    public void Every_audited_field_of_every_record_has_a_label_in_English_and_Chinese()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");
        var properties = AuditedProperties(AuditedTypes()).ToList();
        Assert.True(properties.Count >= 500, $"Only {properties.Count} audited fields found.");

        var missing = properties
            .Select(x => (Field: $"{x.Type.ClrType.Name}.{x.Property.Name}", Label: HistoryLabels.For(x.Property.Name)))
            .Where(x => !english.ContainsKey(x.Label) || !chinese.TryGetValue(x.Label, out var zh) || string.IsNullOrWhiteSpace(zh))
            .Select(x => $"{x.Field} → \"{x.Label}\"")
            .ToList();

        Assert.True(missing.Count == 0, "No label in both resource files: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_audited_record_type_has_a_name_in_English_and_Chinese()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");

        var missing = AuditedTypes().Select(t => t.ClrType.Name).Append("UserRole")
            .Where(name => !english.ContainsKey(name) || !chinese.ContainsKey(name))
            .ToList();

        Assert.True(missing.Count == 0, "No record name in both resource files: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_value_of_every_audited_enum_field_has_a_text_in_English_and_Chinese()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");
        var enums = AuditedProperties(AuditedTypes())
            .Select(x => Nullable.GetUnderlyingType(x.Property.ClrType) ?? x.Property.ClrType)
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();
        Assert.True(enums.Count >= 30, $"Only {enums.Count} enum types found.");

        var missing = enums
            .SelectMany(t => Enum.GetNames(t).Select(n => (HistoryQuery.EnumPrefixes.TryGetValue(t, out var prefix) ? prefix : "") + n))
            .Where(key => !english.ContainsKey(key) || !chinese.ContainsKey(key))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Enum values shown untranslated: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_id_field_points_to_a_record_type_the_history_page_names()
    {
        var types = AuditedTypes();
        var names = types.Select(t => t.ClrType.Name).ToHashSet(StringComparer.Ordinal);

        var missing = AuditedProperties(types)
            .Where(x => (Nullable.GetUnderlyingType(x.Property.ClrType) ?? x.Property.ClrType) == typeof(Guid))
            .Where(x => HistoryQuery.TargetsOf(x.Property.Name) is var targets && (targets.Count == 0 || targets.Any(t => !names.Contains(t))))
            .Select(x => $"{x.Type.ClrType.Name}.{x.Property.Name}")
            .ToList();

        Assert.True(missing.Count == 0, "An id the history page would show as a GUID: " + string.Join(", ", missing));
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", "CustomerProcess.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

}
