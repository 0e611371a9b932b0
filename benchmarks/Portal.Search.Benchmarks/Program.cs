// Search benchmark: the portal's index (Japanese analysis, audience filter, highlighting, cursor commits) against
// raw Lucene.Net (CJKAnalyzer, plain documents, no highlighting) on the same generated corpus, in the same run.
// Usage: dotnet run -c Release --project benchmarks/Portal.Search.Benchmarks [documents=100000] [queries=2000]
using System.Diagnostics;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Portal.Core.Search;
using Portal.Modules.Search.Services;

var documentCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var queryCount = args.Length > 1 ? int.Parse(args[1]) : 2_000;
var corpus = Corpus.Generate(documentCount, seed: 42);
var queries = Corpus.Queries(queryCount, seed: 7);
var root = System.IO.Directory.CreateTempSubdirectory("portal-search-bench-").FullName;
Console.WriteLine($"{documentCount:N0} documents, {queryCount:N0} queries, {Environment.ProcessorCount} cores");

try
{
    using var rawAnalyzer = new CJKAnalyzer(JapaneseAnalyzer.Version);
    void IndexRaw(Lucene.Net.Store.Directory directory, IEnumerable<SearchDocument> documents)
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(JapaneseAnalyzer.Version, rawAnalyzer));
        foreach (var d in documents)
            writer.AddDocument(new Document
            {
                new StringField("id", d.Key, Field.Store.YES),
                new TextField("title", d.Title, Field.Store.YES),
                new TextField("body", d.Body, Field.Store.YES),
            });
        writer.Commit();
    }

    // Warm-up: JIT and caches for both paths before anything is timed.
    var warmUp = corpus.Take(Math.Min(2_000, documentCount)).ToList();
    using (var warmPortal = SearchIndex.Open(Path.Combine(root, "warm-portal")))
        await warmPortal.RebuildAsync(warmUp.ToAsyncEnumerable(), 0, CancellationToken.None);
    using (var warmRaw = FSDirectory.Open(Path.Combine(root, "warm-raw")))
        IndexRaw(warmRaw, warmUp);

    // Portal: bulk rebuild, as a node does when its index is new or lost.
    using var portal = SearchIndex.Open(Path.Combine(root, "portal"));
    var sw = Stopwatch.StartNew();
    await portal.RebuildAsync(corpus.ToAsyncEnumerable(), cursor: documentCount, CancellationToken.None);
    var portalIndexSeconds = sw.Elapsed.TotalSeconds;

    // Portal: incremental, 500 changes a commit, as the indexer follows the change log.
    using var incremental = SearchIndex.Open(Path.Combine(root, "portal-incremental"));
    var incrementalCount = Math.Min(documentCount, 20_000);
    sw.Restart();
    foreach (var batch in corpus.Take(incrementalCount).Chunk(500).Select((b, i) => (b, i)))
        incremental.Apply(batch.b.Select(d => (d.ContentType, d.Key, (SearchDocument?)d)), batch.i);
    var incrementalSeconds = sw.Elapsed.TotalSeconds;

    // Baseline: raw Lucene.Net with the stock CJK analyzer (bigrams only), one commit.
    using var rawDirectory = FSDirectory.Open(Path.Combine(root, "raw"));
    sw.Restart();
    IndexRaw(rawDirectory, corpus);
    var rawIndexSeconds = sw.Elapsed.TotalSeconds;

    using var reader = DirectoryReader.Open(rawDirectory);
    var rawSearcher = new IndexSearcher(reader);
    var rawParser = new MultiFieldQueryParser(JapaneseAnalyzer.Version, ["title", "body"], rawAnalyzer) { DefaultOperator = Operator.AND };

    // Warm both, then time each query alone.
    foreach (var q in queries.Take(200))
    {
        portal.Search(new SearchQuery(q, null, null, 1), SearchViewer.Anonymous);
        rawSearcher.Search(rawParser.Parse(q), 10);
    }
    var portalTimes = new List<double>(queries.Count);
    var rawTimes = new List<double>(queries.Count);
    long portalHits = 0, rawHits = 0;
    foreach (var q in queries)
    {
        sw.Restart();
        portalHits += portal.Search(new SearchQuery(q, null, null, 1), SearchViewer.Anonymous).Total;
        portalTimes.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        var top = rawSearcher.Search(rawParser.Parse(q), 10);
        foreach (var hit in top.ScoreDocs)
            _ = rawSearcher.Doc(hit.Doc).Get("title");
        rawHits += top.TotalHits;
        rawTimes.Add(sw.Elapsed.TotalMilliseconds);
    }

    double P(List<double> xs, double p) { var s = xs.Order().ToList(); return s[(int)Math.Min(s.Count - 1, Math.Ceiling(p * s.Count) - 1)]; }
    Console.WriteLine();
    Console.WriteLine("| measure | portal | raw Lucene.Net | portal / raw |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| bulk indexing, docs/s | {documentCount / portalIndexSeconds:N0} | {documentCount / rawIndexSeconds:N0} | {rawIndexSeconds / portalIndexSeconds:F2} |");
    Console.WriteLine($"| incremental indexing (500 per commit), docs/s | {incrementalCount / incrementalSeconds:N0} | – | {rawIndexSeconds / documentCount / (incrementalSeconds / incrementalCount):F2} |");
    Console.WriteLine($"| query p50, ms | {P(portalTimes, .50):F2} | {P(rawTimes, .50):F2} | {P(portalTimes, .50) / P(rawTimes, .50):F2} |");
    Console.WriteLine($"| query p99, ms | {P(portalTimes, .99):F2} | {P(rawTimes, .99):F2} | {P(portalTimes, .99) / P(rawTimes, .99):F2} |");
    Console.WriteLine($"| total hits over all queries | {portalHits:N0} | {rawHits:N0} | |");
    Console.WriteLine();
    Console.WriteLine("Indexing ratio: portal throughput / raw throughput (higher is better). Query ratios: portal latency / raw latency (lower is better).");
    Console.WriteLine("The portal also highlights title and snippet of each of the 10 hits it returns, filters by audience, and normalises NFKC; the raw baseline does none of that.");
}
finally
{
    System.IO.Directory.Delete(root, recursive: true);
}

/// <summary>A deterministic corpus of municipal-sounding Japanese and some English.</summary>
static class Corpus
{
    private static readonly string[] Words =
    [
        "防災訓練", "避難所", "子ども食堂", "見守り活動", "ふれあい喫茶", "地域清掃", "夏祭り", "盆踊り", "健康体操", "ウォーキング",
        "高齢者", "子育て", "青少年", "防犯パトロール", "町会", "女性会", "老人クラブ", "PTA", "ボランティア", "募集",
        "開催", "お知らせ", "報告", "会館", "小学校", "公園", "花壇", "リサイクル", "資源回収", "運動会",
        "文化祭", "講座", "相談", "福祉", "社会福祉協議会", "区役所", "連絡会議", "議事録", "タスクフォース", "ワーキンググループ",
        "disaster", "drill", "volunteer", "festival", "cleanup", "meeting", "children", "welfare", "health", "community",
    ];

    public static List<SearchDocument> Generate(int count, int seed)
    {
        var random = new Random(seed);
        string Words(int n) => string.Join(random.Next(3) == 0 ? " " : "", Enumerable.Range(0, n).Select(_ => Corpus.Words[random.Next(Corpus.Words.Length)]));
        var wards = Enumerable.Range(0, 24).Select(i => (27102 + i).ToString()).ToArray();
        return Enumerable.Range(1, count).Select(i => new SearchDocument(
            i % 3 == 0 ? "council" : "council-update", i.ToString(), Words(random.Next(3, 7)), Words(random.Next(40, 120)) + "。",
            $"/x/{i}", wards[random.Next(wards.Length)], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            i % 50 == 0 ? new SearchAudience([i % 72 + 1]) : SearchAudience.Everyone)).ToList();
    }

    public static List<string> Queries(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)],
            _ => Words[random.Next(Words.Length)],
        }).ToList();
    }

    public static async IAsyncEnumerable<SearchDocument> ToAsyncEnumerable(this IEnumerable<SearchDocument> documents)
    {
        foreach (var d in documents)
            yield return d;
        await Task.CompletedTask;
    }
}
