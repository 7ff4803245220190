namespace CustomerProcess.Domain.Contracts;

/// <summary>A line as performance sees it: what is owed, by when, and what has gone out.</summary>
public sealed record LinePerformance(int LineNo, decimal Quantity, decimal Delivered, decimal UnitPrice, DateOnly? DeliveryDate)
{
    public decimal Remaining => Math.Max(0, Quantity - Delivered);

    public bool IsFullyDelivered => Delivered >= Quantity;
}

/// <summary>An invoice as performance sees it: its amount and the day its payment falls due.</summary>
public sealed record InvoiceDue(long AmountMinor, DateOnly DueOn);

/// <summary>
/// The performance rules of docs/process.md §5, pure: delivered / invoiced / paid percentages and the overdue
/// flags. "Today" is the business day in the company's time zone, taken from an injected clock.
/// A delivery is overdue from the day after the line's delivery date while the line is not fully
/// delivered; a payment is overdue from the day after its due date (invoice date + payment term days)
/// while the invoices due by then are not covered by payments (applied oldest due date first).
/// </summary>
public static class ContractPerformance
{
    /// <summary>The business day "now" in the given zone (the company works on China time).</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>Percentage with one decimal, rounded down, so 99.99 % never shows as 100 %.
    /// Nothing owed counts as done.</summary>
    public static decimal Percent(long part, long whole)
    {
        if (whole <= 0)
        {
            return 100m;
        }

        if (part <= 0)
        {
            return 0m;
        }

        var value = decimal.Round(part * 100m / whole, 1, MidpointRounding.ToZero);
        return Math.Min(value, 100m);
    }

    /// <summary>Drops trailing zeros (a stored 10.0000 shows as 10 in messages).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>The value of what was delivered, at the lines' unit prices (never more than a line is worth).</summary>
    public static long DeliveredMinor(IEnumerable<LinePerformance> lines) =>
        lines.Sum(l => ToMinor(Math.Min(l.Delivered, l.Quantity) * l.UnitPrice));

    public static bool IsFullyDelivered(IEnumerable<LinePerformance> lines) => lines.All(l => l.IsFullyDelivered);

    public static bool IsLineOverdue(LinePerformance line, DateOnly today) =>
        !line.IsFullyDelivered && line.DeliveryDate is { } due && today > due;

    /// <summary>The earliest delivery date of a line that is not fully delivered (null: nothing outstanding
    /// or no date). Kept on the contract so the ledger can filter overdue deliveries in SQL.</summary>
    public static DateOnly? NextDeliveryDue(IEnumerable<LinePerformance> lines) =>
        lines.Where(l => !l.IsFullyDelivered && l.DeliveryDate is not null).Select(l => l.DeliveryDate).Min();

    public static bool IsDeliveryOverdue(DateOnly? nextDeliveryDue, DateOnly today) => nextDeliveryDue is { } due && today > due;

    public static DateOnly DueDate(DateOnly invoicedOn, int paymentTermDays) => invoicedOn.AddDays(Math.Max(0, paymentTermDays));

    /// <summary>The due date of the oldest invoice not yet covered by payments (null: all covered).</summary>
    public static DateOnly? PaymentDue(IEnumerable<InvoiceDue> invoices, long paidMinor)
    {
        var covered = paidMinor;
        foreach (var invoice in invoices.OrderBy(i => i.DueOn))
        {
            if (covered >= invoice.AmountMinor)
            {
                covered -= invoice.AmountMinor;
                continue;
            }

            return invoice.DueOn;
        }

        return null;
    }

    public static bool IsPaymentOverdue(DateOnly? paymentDue, DateOnly today) => paymentDue is { } due && today > due;
}
