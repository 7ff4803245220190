using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Server-rendered horizontal bar charts as inline SVG (no script, no CDN; CSP-safe: no style attributes).</summary>
public static class SvgChart
{
    public static IHtmlContent Bars(string id, IReadOnlyList<(string Label, decimal Value)> bars, string? valueFormat = "0.##", decimal? max = null)
    {
        const int RowHeight = 22;
        const int LabelWidth = 220;
        const int BarWidth = 420;
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 80}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + BarWidth + 80} {height}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 4 + (i * RowHeight);
            var width = top == 0 ? 0 : (double)(value / top) * BarWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2733\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{RowHeight - 8}\" fill=\"#0b5cab\"><title>{WebUtility.HtmlEncode(label)}: {value.ToString(valueFormat, CultureInfo.InvariantCulture)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:0.#}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#5d6b7a\">{value.ToString(valueFormat, CultureInfo.CurrentCulture)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
