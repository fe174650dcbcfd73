using System.Globalization;
using System.Text;

namespace Marketplace.Core.Vendors;

/// <summary>
/// Cuts Japanese and English text into the terms the marketplace search indexes and looks up (decision record 0012).
/// Japanese has no spaces between words, so a run of kanji and kana becomes its overlapping character pairs
/// (給与計算 → 給与, 与計, 計算): any two-character word such as 給与 or 経理 is then one exact term, and a longer word
/// is found by all of its pairs. Other letters and digits form words, lower-cased. Both the document and the query go
/// through the same cut, after NFKC normalisation (全角 ＡＢＣ and half-width ｶﾅ become ABC and カナ).
/// </summary>
public static class SearchText
{
    /// <summary>Longer words are cut to this (a lexeme must stay far below PostgreSQL's 2 KB limit).</summary>
    public const int MaxWordLength = 40;

    public readonly record struct Term(string Text, TermKind Kind);

    public enum TermKind
    {
        /// <summary>Two characters of a Japanese run.</summary>
        Pair,
        /// <summary>A Japanese run of one character: the query matches it as a prefix of a pair.</summary>
        SingleCharacter,
        /// <summary>A word of letters or digits (English, numbers, ISO, ...).</summary>
        Word,
    }

    /// <summary>The distinct terms of a text, in the order they first appear.</summary>
    public static IReadOnlyList<Term> Terms(string? text)
    {
        var terms = new List<Term>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

        var runStart = 0;
        var runKind = CharKind.Separator;
        for (var i = 0; i <= normalised.Length; i++)
        {
            var kind = i < normalised.Length ? Classify(normalised[i]) : CharKind.Separator;
            if (kind == runKind) continue;
            Emit(normalised.AsSpan(runStart, i - runStart), runKind);
            runStart = i;
            runKind = kind;
        }
        return terms;

        void Emit(ReadOnlySpan<char> run, CharKind kind)
        {
            switch (kind)
            {
                case CharKind.Japanese when run.Length == 1:
                    Add(run.ToString(), TermKind.SingleCharacter);
                    break;
                case CharKind.Japanese:
                    for (var j = 0; j + 1 < run.Length; j++) Add(run.Slice(j, 2).ToString(), TermKind.Pair);
                    break;
                case CharKind.WordCharacter:
                    Add(run[..Math.Min(run.Length, MaxWordLength)].ToString(), TermKind.Word);
                    break;
            }
        }

        void Add(string term, TermKind kind)
        {
            if (seen.Add(term)) terms.Add(new Term(term, kind));
        }
    }

    /// <summary>A term as a quoted lexeme's content in tsvector and tsquery text (quote and backslash doubled).</summary>
    public static string Quote(string term) => term.Replace("\\", "\\\\").Replace("'", "''");

    private enum CharKind { Separator, Japanese, WordCharacter }

    private static CharKind Classify(char c)
    {
        // Kanji (and the iteration mark 々), hiragana, katakana with its long-vowel mark ー.
        if (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or '\u3005')
            return CharKind.Japanese;
        // Characters outside the basic plane (rare kanji, emoji) come as surrogate pairs; cutting pairs of chars would
        // split them into invalid text, so they separate terms instead.
        if (char.IsSurrogate(c)) return CharKind.Separator;
        return char.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
            ? CharKind.WordCharacter
            : CharKind.Separator;
    }
}
