using System.Net;

namespace Portal.Tests.Search;

/// <summary>Bad input to the search page and API: clear 400s, never a 500. One read-only site for all cases.</summary>
public class SearchInputTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=x&type=nope")]
    [InlineData("/api/search?q=x&ward=99999")]
    [InlineData("/api/search?q=x&page=abc")]
    [InlineData("/api/search?q=x&page=0")]
    public async Task Bad_api_requests_get_a_problem_body(string url)
    {
        using var client = site.Host.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_page_handles_overlong_and_malformed_queries_without_an_error_page()
    {
        using var client = site.Host.CreateClient();

        var tooLong = await client.GetAsync("/search?q=" + new string('あ', 201));
        var malformed = await client.GetAsync("/search?q=" + Uri.EscapeDataString("\"(防災 AND"));
        var empty = await client.GetAsync("/search");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("200文字以内", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
    }

}
