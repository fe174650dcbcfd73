using System.Numerics;

namespace Marketplace.Core.Vendors;

/// <summary>
/// The search engine's inverted index (decision record 0012): for every lexeme of the search documents, the engine
/// slots of the vendors whose document holds it. It answers a text the way PostgreSQL answers the same tsquery
/// (<see cref="VendorSearch.TextQuery"/>): a pair is one exact lexeme; a single character or a word is a prefix, every
/// lexeme that starts with it (a range of the sorted lexemes); the terms of a text must all match.
/// A rare lexeme keeps a sorted array of slots, a common one a bitmap, whichever is smaller: a term in most documents
/// (い運, える) costs one bitmap copy rather than reading 100,000 rows.
/// Immutable: <see cref="With"/> returns a new index that shares every posting it did not touch. Slots only grow
/// (a changed vendor takes a new slot and its old one is dead), so postings are only ever appended to.
/// </summary>
public sealed class TermPostings
{
    public static readonly TermPostings Empty = new([], []);

    private readonly string[] lexemes;  // ordinal order
    private readonly object[] postings; // parallel: int[] (slots ascending) or ulong[] (bitmap)

    private TermPostings(string[] lexemes, object[] postings) => (this.lexemes, this.postings) = (lexemes, postings);

    public int LexemeCount => lexemes.Length;

    /// <summary>The approximate bytes the postings take (for the benchmark's memory line).</summary>
    public long PostingBytes => postings.Sum(p => p is int[] slots ? slots.Length * 4L : ((ulong[])p).Length * 8L);

    /// <summary>
    /// This index with new slots added, each with its document's lexemes separated by spaces (a lexeme is letters and
    /// digits only: <see cref="SearchText"/>). One string per vendor rather than one per lexeme: 100,000 vendors hold
    /// 18.7 million lexemes. <paramref name="added"/> must be in ascending slot order, every slot above those already
    /// indexed; <paramref name="slotCount"/> is the number of slots after adding.
    /// </summary>
    public TermPostings With(IReadOnlyList<(int Slot, string Lexemes)> added, int slotCount)
    {
        if (added.Count == 0) return this;
        var additions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySpan = additions.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (slot, text) in added)
            foreach (var range in text.AsSpan().Split(' '))
            {
                var lexeme = text.AsSpan(range);
                if (lexeme.IsEmpty) continue;
                if (!bySpan.TryGetValue(lexeme, out var slots)) bySpan[lexeme] = slots = [];
                slots.Add(slot);
            }
        var fresh = additions.Keys.Where(l => Array.BinarySearch(lexemes, l, StringComparer.Ordinal) < 0).ToArray();
        Array.Sort(fresh, StringComparer.Ordinal);

        // Merge the sorted old lexemes with the sorted new ones; append to the postings of both.
        var mergedLexemes = new string[lexemes.Length + fresh.Length];
        var mergedPostings = new object[mergedLexemes.Length];
        int o = 0, f = 0;
        for (var m = 0; m < mergedLexemes.Length; m++)
        {
            var takeOld = f == fresh.Length || (o < lexemes.Length && string.CompareOrdinal(lexemes[o], fresh[f]) < 0);
            var lexeme = takeOld ? lexemes[o] : fresh[f];
            var posting = takeOld ? postings[o++] : Array.Empty<int>();
            if (!takeOld) f++;
            mergedLexemes[m] = lexeme;
            mergedPostings[m] = additions.TryGetValue(lexeme, out var slots) ? Append(posting, slots, slotCount) : posting;
        }
        return new TermPostings(mergedLexemes, mergedPostings);
    }

    private static object Append(object posting, List<int> slots, int slotCount)
    {
        var words = (slotCount + 63) / 64;
        if (posting is ulong[] bitmap)
        {
            var grown = new ulong[words];
            Array.Copy(bitmap, grown, bitmap.Length);
            foreach (var slot in slots) grown[slot >> 6] |= 1UL << (slot & 63);
            return grown;
        }
        var old = (int[])posting;
        var count = old.Length + slots.Count;
        // An array of n slots takes 32n bits, a bitmap one bit per slot: keep the smaller.
        if ((long)count * 32 > slotCount)
        {
            var made = new ulong[words];
            foreach (var slot in old) made[slot >> 6] |= 1UL << (slot & 63);
            foreach (var slot in slots) made[slot >> 6] |= 1UL << (slot & 63);
            return made;
        }
        var appended = new int[count];
        old.CopyTo(appended, 0);
        slots.CopyTo(appended, old.Length);
        return appended;
    }

    /// <summary>The slots whose document matches every term, as a bitmap of <paramref name="words"/> words.</summary>
    public ulong[] Matches(IReadOnlyList<SearchText.Term> terms, int words)
    {
        ulong[]? result = null;
        foreach (var term in terms)
        {
            var matches = new ulong[words];
            if (term.Kind == SearchText.TermKind.Pair)
            {
                var at = Array.BinarySearch(lexemes, term.Text, StringComparer.Ordinal);
                if (at >= 0) Or(matches, postings[at]);
            }
            else
                for (var at = FirstAtOrAfter(term.Text); at < lexemes.Length && lexemes[at].StartsWith(term.Text, StringComparison.Ordinal); at++)
                    Or(matches, postings[at]);
            if (result is null) result = matches;
            else
                for (var w = 0; w < words; w++) result[w] &= matches[w];
        }
        return result ?? new ulong[words];
    }

    private int FirstAtOrAfter(string prefix)
    {
        var at = Array.BinarySearch(lexemes, prefix, StringComparer.Ordinal);
        return at >= 0 ? at : ~at;
    }

    private static void Or(ulong[] target, object posting)
    {
        if (posting is ulong[] bitmap)
        {
            var length = Math.Min(bitmap.Length, target.Length);
            for (var w = 0; w < length; w++) target[w] |= bitmap[w];
        }
        else
            foreach (var slot in (int[])posting)
                if (slot >> 6 < target.Length) target[slot >> 6] |= 1UL << (slot & 63);
    }

    /// <summary>How many slots hold the lexeme (tests).</summary>
    public int CountOf(string lexeme)
    {
        var at = Array.BinarySearch(lexemes, lexeme, StringComparer.Ordinal);
        if (at < 0) return 0;
        return postings[at] is int[] slots ? slots.Length : ((ulong[])postings[at]).Sum(w => BitOperations.PopCount(w));
    }
}
