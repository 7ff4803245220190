using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The review form as a PDF document in the user's language (the same content as the print view).</summary>
public sealed class ReviewFormDocument(IPdfRenderer renderer, IStringLocalizer<SharedResource> l, IConfiguration configuration)
{
    public byte[] Render(ReviewDetailsViewModel model) => renderer.Render(Build(model));

    public PdfDocumentModel Build(ReviewDetailsViewModel model)
    {
        var r = model.Review;
        var o = model.Order;
        var subject = model.Subject;
        var contentHash = r.DisposalId is null ? SignedContent.HashOf(subject) : null;
        var fields = new List<PdfField>
        {
            new(l["Subject." + subject.Kind], subject.Number),
            new(l["Customer"], model.Customer is { } customer ? $"{customer.Name} ({customer.Code})" : "—"),
            new(l["Review level"], l["Level." + r.Level]),
            new(l["Status"], l["ReviewStatus." + r.Status]),
        };
        if (model.Customer is not null)
        {
            // What the rules used of the customer when the review was opened (issue #16).
            var notRecorded = l["not recorded"].Value;
            fields.Insert(2, new(l["Class at submission"], r.CustomerClassAtSubmission is { } cls
                ? l[cls.ToString()] + (Domain.Customers.CustomerClassRules.IsCustomer(cls) ? "" : " (" + l["not a customer record"] + ")")
                : notRecorded));
            fields.Insert(3, new(l["Credit rating at submission"], r.CreditRatingAtSubmission is { } rating ? l[rating.ToString()] : notRecorded));
            fields.Insert(4, new(l["Credit limit at submission"], r.CreditLimitAtSubmission is { } limit ? Formatting.Money(limit) : notRecorded));
        }
        else
        {
            fields.Insert(2, new(l["Class at submission"], l["not a customer record"]));
        }

        if (o is not null)
        {
            fields.Add(new(l["Order channel"], l["Channel." + o.Channel]));
            fields.Add(new(l["Total"], Formatting.Money(o.Total)));
        }

        fields.Add(new(l["Opened"], Formatting.LocalTime(r.OpenedAtUtc)));
        fields.Add(new(l["Contract"], model.Contract?.Number ?? "—"));
        var blocks = new List<PdfBlock>
        {
            new PdfFields(fields),
            new PdfHeading(l["Why this level"]),
            new PdfParagraph(string.Join("; ", r.Reasons.Select(x => ReasonText.Of(l, x)))),
        };
        if (subject.Summary.Count > 0)
        {
            blocks.Add(new PdfParagraph(string.Join(" · ", subject.Summary)));
        }

        if (o is not null)
        {
            blocks.Add(new PdfHeading(l["Order lines"]));
            blocks.Add(new PdfTable(
                [l["Item"], l["Specification"], l["Quantity"], l["Unit"], l["Unit price"], l["Amount"], l["Delivery date"]],
                o.Lines.Select(x => (IReadOnlyList<string>)
                [
                    x.Description, x.Specification ?? "", x.Quantity.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture), x.Unit,
                    Formatting.Money(x.UnitPrice), Formatting.Money(x.Amount), x.DeliveryDate is { } d ? Formatting.Date(d) : "",
                ]).ToList(),
                [3, 3, 1.2f, 1, 1.6f, 1.8f, 1.6f]));
            blocks.Add(new PdfHeading(l["Requirements"]));
            blocks.Add(new PdfFields(
            [
                new(l["Explicit"], o.ExplicitRequirements ?? ""),
                new(l["Implied"], o.ImpliedRequirements ?? ""),
                new(l["Statutory and regulatory"], o.StatutoryRequirements ?? ""),
                new(l["Additional (company)"], o.AdditionalRequirements ?? ""),
                new(l["Special requirements"], string.Join(" / ", new[] { o.SpecialTechnical, o.SpecialDelivery, o.SpecialPackaging }.Where(x => !string.IsNullOrWhiteSpace(x)))),
                new(l["Customer property"], o.CustomerPropertyHandling ?? ""),
            ]));
            if (model.Property is { } property)
            {
                blocks.AddRange(CustomerProperty.OrderPropertyBlocks.For(property, l));
            }
        }

        if (r.Level == ReviewLevel.ReviewMeeting && r.MeetingDate is { } meetingDate)
        {
            blocks.Add(new PdfHeading(l["Review meeting"]));
            blocks.Add(new PdfParagraph($"{Formatting.Date(meetingDate)} · {l["Attendees"]}: {r.MeetingAttendees}"));
            blocks.Add(new PdfParagraph(r.MeetingMinutes ?? ""));
        }

        if (r.Discrepancies.Count > 0)
        {
            blocks.Add(new PdfHeading(l["Discrepancies"]));
            blocks.Add(new PdfTable(
                ["#", l["Department"], l["Clause"], l["Resolution"], l["Status"]],
                r.Discrepancies.OrderBy(d => d.Number).Select(d => (IReadOnlyList<string>)
                [
                    d.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), model.DepartmentName(d.DepartmentCode),
                    d.Clause + ": " + d.Description, d.Resolution ?? "", l["DiscrepancyStatus." + d.Status],
                ]).ToList(),
                [0.5f, 1.5f, 4, 4, 1.5f]));
        }

        // Each department's section: what it checked, its conclusion and comments, who signed and when.
        blocks.Add(new PdfHeading(l["Department sections"]));
        var sections = r.Sections.OrderBy(s => s.SortOrder).Select(section => r.CurrentSignatureOf(section) is { } signature
            ? new PdfSignature(
                model.DepartmentName(section.DepartmentCode), signature.SignerName, l["Meaning." + signature.Meaning], Formatting.LocalTime(signature.SignedAtUtc) + " · " + SignedContent.Describe(signature, contentHash, l),
                l["Conclusion." + signature.Conclusion] + (signature.Comments is null ? "" : ": " + signature.Comments) + CheckedText(signature.CheckedItems))
            : new PdfSignature(model.DepartmentName(section.DepartmentCode), "", l["SectionStatus.Pending"], "", null)).ToList();
        blocks.AddRange(sections.Take(Math.Max(0, sections.Count - 1)));

        // The approval block stays on the page of the last section when the two fit on one page.
        var last = new List<PdfBlock>(sections.Skip(Math.Max(0, sections.Count - 1)));
        var decisions = r.Signatures.Where(s => s.SectionId is null).OrderBy(s => s.SignedAtUtc).ToList();
        if (decisions.Count > 0)
        {
            last.Add(new PdfHeading(l["Decisions"]));
            last.AddRange(decisions.Select(s => (PdfBlock)new PdfSignature(
                l["Capacity." + s.Capacity], s.SignerName, l["Meaning." + s.Meaning], Formatting.LocalTime(s.SignedAtUtc) + " · " + SignedContent.Describe(s, contentHash, l), s.Comments)));
        }

        blocks.Add(new PdfKeepTogether(last));

        // The paper form is bilingual in its title; the body follows the user's language.
        return new PdfDocumentModel(
            Tenders.TenderReviewForms.PaperTitle(subject.Kind),
            l[Tenders.TenderReviewForms.TitleKey(subject.Kind)] + " · " + subject.Number,
            blocks,
            $"CustomerProcess · {subject.Number}",
            PaperForms.Letterhead(configuration, l, PaperForms.ReviewForm, subject.Number));
    }

    private string CheckedText(string? checkedItems)
    {
        var items = (checkedItems ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length == 0 ? "" : " — " + l["Checked"] + ": " + string.Join("; ", items.Select(item => l[item].Value));
    }
}
