using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Portal.Modules.Search.Services;

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
        if (!forIndexing)
            stream = new BigramRunEndFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// In the index a CJK run of n characters takes n positions (its unigrams); as query bigrams it takes n - 1. The
    /// token after a run of bigrams moves one position on, so that a phrase such as 鏡開きcc96, 第7回会議 or 東京・大阪
    /// lines up. Bigrams of one run overlap; a bigram that starts where the previous one ended begins a new run.
    /// </summary>
    private sealed class BigramRunEndFilter : TokenFilter
    {
        private readonly Lucene.Net.Analysis.TokenAttributes.ITypeAttribute _type;
        private readonly Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute _position;
        private readonly Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute _offset;
        private int? _previousBigramEnd;

        public BigramRunEndFilter(TokenStream input) : base(input)
        {
            _type = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ITypeAttribute>();
            _position = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
            _offset = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            var isBigram = _type.Type == CJKBigramFilter.DOUBLE_TYPE;
            var continuesRun = isBigram && _offset.StartOffset < _previousBigramEnd;
            if (_previousBigramEnd is not null && !continuesRun)
                _position.PositionIncrement += 1;
            _previousBigramEnd = isBigram ? _offset.EndOffset : null;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _previousBigramEnd = null;
        }
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(Normalize(reader.ReadToEnd()));

    /// <summary>NFKC: full-width Latin and digits, half-width katakana and compatibility characters fold to one form.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);
}
