using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CustomerProcess.Web.Features.Dashboards;

/// <summary>One line of a chart: its name and one value per period (null: nothing to show for that period).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// A line chart as inline SVG drawn on the server: axes, horizontal grid lines with their values, a label per period,
/// each point with its value written next to it and a <c>&lt;title&gt;</c> (tooltip and screen reader). No script and
/// no style attribute (the CSP allows neither); colours come from the <c>series-N</c> classes in site.css. The view
/// puts the same numbers in a table next to it.
/// </summary>
public static class SvgLineChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series, string format, decimal? maximum = null)
    {
        var values = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var top = maximum ?? NiceCeiling(values.Count == 0 ? 1 : Math.Max(1, values.Max()));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (periods.Count <= 1 ? plotWidth / 2.0 : i * (double)plotWidth / (periods.Count - 1));
        double Y(decimal v) => Top + plotHeight - ((double)(v / top) * plotHeight);
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        string Text(decimal v) => v.ToString(format, CultureInfo.CurrentCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"line-chart\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        const int Ticks = 4;
        for (var t = 0; t <= Ticks; t++)
        {
            var value = top * t / Ticks;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{(t == 0 ? "axis" : "grid")}\" x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Width - Right}\" y2=\"{N(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Text(value))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\"/>");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(periods.Count / 12.0));
        for (var i = 0; i < periods.Count; i++)
        {
            if (i % labelEvery == 0 || i == periods.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(periods[i])}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var css = $"series-{s % 5}";
            var points = line.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{css}\" points=\"{string.Join(' ', points.Select(p => N(X(p.i)) + "," + N(Y(p.v!.Value))))}\"/>");
            }

            foreach (var (v, i) in points)
            {
                var label = $"{line.Name}, {periods[i]}: {Text(v!.Value)}";
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{css}\" cx=\"{N(X(i))}\" cy=\"{N(Y(v.Value))}\" r=\"3.5\"><title>{WebUtility.HtmlEncode(label)}</title></circle>");
                if (series.Count == 1 || s == 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(X(i))}\" y=\"{N(Y(v.Value) - 8)}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(Text(v.Value))}</text>");
                }
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The legend for several lines: a coloured mark and the name.</summary>
    public static IHtmlContent Legend(IReadOnlyList<ChartSeries> series)
    {
        if (series.Count < 2)
        {
            return HtmlString.Empty;
        }

        var html = new StringBuilder("<ul class=\"legend\">");
        for (var s = 0; s < series.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><svg width=\"18\" height=\"10\" aria-hidden=\"true\"><line class=\"series-{s % 5}\" x1=\"0\" y1=\"5\" x2=\"18\" y2=\"5\" stroke-width=\"3\"/></svg> {WebUtility.HtmlEncode(series[s].Name)}</li>");
        }

        return new HtmlString(html.Append("</ul>").ToString());
    }

    /// <summary>1, 2, 5 × 10^n at or above the value, so the axis shows round numbers.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = 1m;
        while (magnitude * 10 <= value)
        {
            magnitude *= 10;
        }

        while (magnitude > value && magnitude > 0.01m)
        {
            magnitude /= 10;
        }

        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
