namespace CustomerProcess.Web.Infrastructure;

/// <summary>What the _Pager partial needs: page numbers and a URL builder keeping the filters.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, bool TotalIsCapped, Func<int, string> UrlFor)
{
    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;

    public static PagerModel For<T>(Page<T> page, Func<int, string> urlFor) =>
        new(page.PageNumber, page.PageCount, page.TotalIsCapped, urlFor);
}

public sealed record ErrorViewModel(string Title, string Message, string? CorrelationId);
