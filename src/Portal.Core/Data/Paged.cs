namespace Portal.Core.Data;

/// <summary>One page of a list, and how many pages the whole list has.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

public static class Paging
{
    /// <summary>At least one page, so an empty list still reads "page 1 of 1".</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
