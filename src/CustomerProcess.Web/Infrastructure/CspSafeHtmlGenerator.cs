using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// MVC's validation summary writes a placeholder <c>&lt;li style="display:none"&gt;</c> for
/// client-side validation when there are no errors. Our CSP forbids inline style, so every
/// form page logged a violation in the browser; the placeholder is written with the
/// <c>hidden</c> attribute instead.
/// </summary>
public sealed class CspSafeHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<MvcViewOptions> optionsAccessor,
    IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    private const string InlineStyledPlaceholder = "<li style=\"display:none\"></li>";

    // The app's encoder (every Unicode range as text), not HtmlEncoder.Default (#20 item 4).
    private readonly HtmlEncoder _htmlEncoder = htmlEncoder;

    public override TagBuilder? GenerateValidationSummary(
        ViewContext viewContext,
        bool excludePropertyErrors,
        string? message,
        string? headerTag,
        object? htmlAttributes)
    {
        var tag = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (tag is null || !tag.HasInnerHtml)
        {
            return tag;
        }

        using var writer = new StringWriter();
        tag.InnerHtml.WriteTo(writer, _htmlEncoder);
        var html = writer.ToString();
        if (html.Contains(InlineStyledPlaceholder, StringComparison.Ordinal))
        {
            tag.InnerHtml.Clear();
            tag.InnerHtml.AppendHtml(html.Replace(InlineStyledPlaceholder, "<li hidden></li>", StringComparison.Ordinal));
        }

        return tag;
    }
}
