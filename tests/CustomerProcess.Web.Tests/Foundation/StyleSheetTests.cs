using System.Text.RegularExpressions;
using CustomerProcess.Web.Tests.Support;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>site.css is edited by many hands and merged often; an unclosed block silently moves every rule after it into
/// that block (a merge once left the history page's and the filter bar's rules inside <c>@media print</c>).</summary>
public partial class StyleSheetTests
{
    [Fact]
    public void Every_block_of_the_style_sheet_is_closed_where_it_is_opened()
    {
        var css = CommentPattern().Replace(File.ReadAllText(Path.Combine(Repository.Root, "src", "CustomerProcess.Web", "wwwroot", "css", "site.css")), "");
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    Assert.True(depth >= 0, $"A '}}' without its '{{' on line {line}.");
                    break;
            }
        }

        Assert.True(depth == 0, $"{depth} block(s) of site.css are not closed.");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
