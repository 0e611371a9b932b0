using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Portal.Modules.Search.Indexing;

/// <summary>
/// NFKC-normalised text, StandardTokenizer, CJK width folding, lower case, then CJK bigrams.
/// The index keeps unigrams too, so a one-character query finds its character; queries use bigrams only, so that a
/// CJK term becomes a phrase of bigrams and 東京都 matches only 東京都 (the query parser makes the phrase).
/// </summary>
public sealed class JapaneseAnalyzer(bool forIndexing) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static JapaneseAnalyzer ForIndexing() => new(forIndexing: true);
    public static JapaneseAnalyzer ForQueries() => new(forIndexing: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: forIndexing);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(Normalize(reader.ReadToEnd()));

    /// <summary>NFKC: full-width Latin and digits, half-width katakana and compatibility characters fold to one form.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);
}
