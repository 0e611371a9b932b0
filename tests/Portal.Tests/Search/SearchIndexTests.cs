using Lucene.Net.Store;
using Portal.Core.Search;
using Portal.Modules.Search.Services;

namespace Portal.Tests.Search;

/// <summary>The index on its own (in memory): analysis, phrase semantics, audience filtering, paging, cursor.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly SearchIndex _index;

    public SearchIndexTests()
    {
        _index = new SearchIndex(_directory);
        _index.Apply(
        [
            Doc("1", "東京都の防災訓練", "都庁で合同訓練を行いました。"),
            Doc("2", "京都の祭り", "祇園祭のボランティアを募集します。"),
            Doc("3", "Disaster drill at Kita ward", "Residents practised evacuation with the PTA.", ward: "27127"),
            Doc("4", "職員向け打合せ", "非公開の調整メモ", audience: new SearchAudience([5])),
            Doc("5", "子ども食堂のお知らせ", "毎月第2土曜日に開催します。", type: "council", ward: "27127"),
            Doc("6", "鏡開きcc96の会", "ABC町会と第7回の合同開催です。東京・大阪の交流会も。"),
        ], cursor: 7);
    }

    private static (string, string, SearchDocument?) Doc(string key, string title, string body, string type = "council-update",
        string? ward = "27128", SearchAudience? audience = null) =>
        (type, key, new SearchDocument(type, key, title, body, $"/x/{key}", ward, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), audience ?? SearchAudience.Everyone));

    private IReadOnlyList<string> Keys(string text, SearchViewer? viewer = null, string? type = null, string? ward = null) =>
        _index.Search(new SearchQuery(text, type, ward, 1, 50), viewer ?? SearchViewer.Anonymous).Hits.Select(h => h.Key).Order().ToList();

    [Fact]
    public void A_CJK_term_is_a_phrase_so_Tokyo_to_does_not_match_Kyoto_alone() =>
        Assert.Equal(["1"], Keys("東京都"));

    [Fact]
    public void Japanese_written_together_with_Latin_letters_or_digits_is_found_as_typed()
    {
        Assert.Equal(["6"], Keys("鏡開きcc96"));
        Assert.Equal(["6"], Keys("ABC町会"));
        Assert.Equal(["6"], Keys("第7回"));
        Assert.Equal(["6"], Keys("東京・大阪"));
        Assert.Empty(Keys("第8回"));
    }

    [Fact]
    public void Kyoto_matches_the_document_about_Kyoto() =>
        Assert.Contains("2", Keys("京都"));

    [Fact]
    public void A_one_character_query_finds_its_character() =>
        Assert.Equal(["2"], Keys("祭"));

    [Fact]
    public void Words_separated_by_spaces_must_all_appear()
    {
        Assert.Equal(["1"], Keys("防災 訓練"));
        Assert.Empty(Keys("防災 祭り"));
    }

    [Fact]
    public void English_is_case_insensitive_and_finds_body_text()
    {
        Assert.Equal(["3"], Keys("DISASTER"));
        Assert.Equal(["3"], Keys("evacuation pta"));
        Assert.Empty(Keys("earthquake"));
    }

    [Fact]
    public void Width_variants_are_folded_by_NFKC()
    {
        Assert.Equal(["3"], Keys("ＰＴＡ"));
        Assert.Equal(["2"], Keys("ﾎﾞﾗﾝﾃｨｱ"));
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("(")]
    [InlineData("AND")]
    [InlineData("title:")]
    [InlineData("*")]
    [InlineData("東京都 OR")]
    [InlineData("~~~")]
    public void Malformed_query_syntax_is_searched_as_text_instead_of_failing(string text)
    {
        var results = _index.Search(new SearchQuery(text, null, null, 1), SearchViewer.Anonymous);
        Assert.NotNull(results);
    }

    [Fact]
    public void Restricted_documents_are_seen_only_by_their_organisations_and_administrators()
    {
        Assert.Empty(Keys("打合せ"));
        Assert.Empty(Keys("打合せ", new SearchViewer(false, 6)));
        Assert.Equal(["4"], Keys("打合せ", new SearchViewer(false, 5)));
        Assert.Equal(["4"], Keys("打合せ", new SearchViewer(true, null)));
    }

    [Fact]
    public void Type_and_ward_filters_narrow_the_results()
    {
        Assert.Equal(["5"], Keys("お知らせ", type: "council"));
        Assert.Empty(Keys("お知らせ", type: "council-update"));
        Assert.Equal(["3"], Keys("drill", ward: "27127"));
        Assert.Empty(Keys("drill", ward: "27128"));
    }

    [Fact]
    public void Matches_are_highlighted_and_the_text_around_them_is_encoded()
    {
        _index.Apply([Doc("9", "<b>防災</b>マップ", "避難所<script>alert(1)</script>の防災マップです。")], cursor: 8);

        var hit = Assert.Single(_index.Search(new SearchQuery("防災マップ", null, null, 1), SearchViewer.Anonymous).Hits);

        Assert.Contains("<mark>", hit.SnippetHtml);
        Assert.DoesNotContain("<script>", hit.SnippetHtml);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
        Assert.StartsWith("&lt;b&gt;", hit.TitleHtml);
    }

    [Fact]
    public void Pages_split_the_hits()
    {
        _index.Apply(Enumerable.Range(100, 25).Select(i => Doc(i.ToString(), $"清掃活動 {i}", "地域清掃")), cursor: 9);

        var first = _index.Search(new SearchQuery("清掃", null, null, 1, 10), SearchViewer.Anonymous);
        var third = _index.Search(new SearchQuery("清掃", null, null, 3, 10), SearchViewer.Anonymous);

        Assert.Equal(25, first.Total);
        Assert.Equal(10, first.Hits.Count);
        Assert.Equal(5, third.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Key).Intersect(third.Hits.Select(h => h.Key)));
    }

    [Fact]
    public void A_null_document_removes_it_and_the_cursor_is_committed_with_the_change()
    {
        _index.Apply([("council-update", "2", null)], cursor: 12);

        Assert.Empty(Keys("京都の祭り"));
        using var reader = Lucene.Net.Index.DirectoryReader.Open(_directory);
        Assert.Equal("12", reader.IndexCommit.UserData["cursor"]);
    }

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }
}
