using System.Net;
using System.Text.RegularExpressions;

namespace CustomerProcess.Bench.Users;

/// <summary>Just enough HTML reading for the driver: a form by its action (or id) and its hidden inputs, as a browser
/// would post them back (the antiforgery token, the double-submit token, hidden line numbers).</summary>
public static partial class Html
{
    /// <summary>The markup of the first form whose opening tag contains <paramref name="marker"/> (an action path or an id), or null.</summary>
    public static string? Form(string page, string marker)
    {
        foreach (Match form in FormPattern().Matches(page))
        {
            var openingEnd = form.Value.IndexOf('>', StringComparison.Ordinal);
            if (openingEnd > 0 && form.Value.AsSpan(0, openingEnd).Contains(marker, StringComparison.Ordinal))
            {
                return form.Value;
            }
        }

        return null;
    }

    /// <summary>Every input of the form with its name, type and value (value decoded), in document order.</summary>
    public static List<(string Name, string Type, string Value)> Inputs(string form)
    {
        var inputs = new List<(string, string, string)>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var attributes = AttributePattern().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.TryGetValue("name", out var name))
            {
                inputs.Add((name, attributes.GetValueOrDefault("type", "text"), attributes.GetValueOrDefault("value", "")));
            }
        }

        return inputs;
    }

    /// <summary>The hidden inputs of the form: what a browser posts without the user typing it.</summary>
    public static List<KeyValuePair<string, string>> Hidden(string form) =>
        Inputs(form).Where(i => i.Type.Equals("hidden", StringComparison.OrdinalIgnoreCase)).Select(i => KeyValuePair.Create(i.Name, i.Value)).ToList();

    /// <summary>Distinct ids of the links to <paramref name="prefix"/>{guid} on the page.</summary>
    public static IEnumerable<Guid> LinkedIds(string page, string prefix) =>
        GuidPattern().Matches(page).Where(m => page.AsSpan(0, m.Index).EndsWith(prefix, StringComparison.Ordinal))
            .Select(m => Guid.Parse(m.Value)).Distinct();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("([a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
