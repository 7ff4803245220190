using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerProcess.Domain.Orders;

namespace CustomerProcess.Domain.Reviews;

/// <summary>
/// The SHA-256 of a review subject's content as signed (docs/adr/0032): every field goes in by name, length-prefixed
/// and in a fixed order, so the same content always gives the same hash and a change to any signed field gives
/// another. Numbers and dates in invariant form; the UI culture plays no part.
/// </summary>
public sealed class ContentFingerprint
{
    /// <summary>Characters of the hash printed next to a signature.</summary>
    public const int ShortLength = 12;

    public const int HashLength = 64;

    private readonly StringBuilder _text = new(512);

    public ContentFingerprint Add(string name, string? value)
    {
        Append(name);
        Append(value);
        return this;
    }

    public ContentFingerprint Add(string name, decimal value) => Add(name, value.ToString("0.##########", CultureInfo.InvariantCulture));

    public ContentFingerprint Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public ContentFingerprint Add(string name, bool value) => Add(name, value ? "1" : "0");

    public ContentFingerprint Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    public ContentFingerprint Add(string name, DateOnly? value) => Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The order's reviewed content: the requirements, conditions and every line (amounts, delivery,
    /// packaging, acceptance). Not its status, dates or version counters.</summary>
    public ContentFingerprint AddOrder(SalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Add("order.customer", order.CustomerId)
            .Add("order.channel", order.Channel.ToString())
            .Add("order.novelty", order.Novelty.ToString())
            .Add("order.foreign-trade", order.IsForeignTrade)
            .Add("order.oem", order.IsOem)
            .Add("order.non-standard-clauses", order.HasNonStandardClauses)
            .Add("order.site-work", order.InvolvesSiteWork)
            .Add("order.currency", order.Currency)
            .Add("order.explicit", order.ExplicitRequirements)
            .Add("order.implied", order.ImpliedRequirements)
            .Add("order.statutory", order.StatutoryRequirements)
            .Add("order.additional", order.AdditionalRequirements)
            .Add("order.special-technical", order.SpecialTechnical)
            .Add("order.special-delivery", order.SpecialDelivery)
            .Add("order.special-packaging", order.SpecialPackaging)
            .Add("order.customer-property", order.CustomerPropertyHandling)
            .Add("order.customer-reference", order.CustomerReference)
            .Add("order.total-minor", order.TotalMinor);
        var lines = order.Lines;
        Add("order.lines", lines.Count);
        foreach (var line in lines)
        {
            Add("line.no", line.LineNo)
                .Add("line.product", line.ProductId)
                .Add("line.description", line.Description)
                .Add("line.specification", line.Specification)
                .Add("line.quantity", line.Quantity)
                .Add("line.unit", line.Unit)
                .Add("line.unit-price", line.UnitPrice)
                .Add("line.delivery-date", line.DeliveryDate)
                .Add("line.delivery-place", line.DeliveryPlace)
                .Add("line.packaging", line.Packaging)
                .Add("line.acceptance", line.AcceptanceCriteria);
        }

        return this;
    }

    /// <summary>Lower-case hex SHA-256 of what was added.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));

    public static string Short(string? hash) => hash is null ? "" : hash[..Math.Min(ShortLength, hash.Length)];

    private void Append(string? value)
    {
        if (value is null)
        {
            _text.Append("-1:");
            return;
        }

        _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
