using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Core.Planning.Language;

/// <summary>
/// MeCab, the Japanese morphological analyser, through its C API (libmecab.so.2 from Debian's libmecab2), with the
/// IPADIC dictionary (mecab-ipadic-utf8). A tagger is not safe for two threads at once, so parses take turns; a
/// sentence parses in microseconds.
/// </summary>
public sealed class MecabTagger : IDisposable
{
    private const string Library = "mecab";
    private readonly nint tagger;
    private readonly Lock turn = new();

    static MecabTagger() => NativeLibrary.SetDllImportResolver(typeof(MecabTagger).Assembly, (name, assembly, path) =>
    {
        if (name != Library) return 0;
        foreach (var candidate in new[] { "libmecab.so.2", "libmecab.so", "libmecab.dylib", "libmecab" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        return 0;
    });

    /// <param name="dictionary">The IPADIC folder; null: <see cref="DefaultDictionary"/>.</param>
    public MecabTagger(string? dictionary = null)
    {
        var folder = dictionary ?? DefaultDictionary();
        try
        {
            tagger = mecab_new2(folder is null ? "" : $"-d {folder}");
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException("MeCab is not installed: install Debian's libmecab2 and mecab-ipadic-utf8 (./run.sh and ./test.sh do).", e);
        }
        if (tagger == 0)
            throw new InvalidOperationException($"MeCab could not start with the dictionary {folder ?? "(mecabrc)"}: {Marshal.PtrToStringUTF8(mecab_strerror(0))}. "
                                                + "Install mecab-ipadic-utf8, or set MECAB_DICDIR to an IPADIC folder.");
    }

    /// <summary>MECAB_DICDIR, else Debian's UTF-8 IPADIC, else whatever mecabrc names (null).</summary>
    public static string? DefaultDictionary() =>
        Environment.GetEnvironmentVariable("MECAB_DICDIR") is { Length: > 0 } configured ? configured
        : new[] { "/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8", "/usr/share/mecab/dic/ipadic" }.FirstOrDefault(Directory.Exists);

    /// <summary>The words of <paramref name="text"/> in order.</summary>
    public IReadOnlyList<Morpheme> Parse(string text)
    {
        var input = Encoding.UTF8.GetBytes(text.Replace('\0', ' ') + "\0");
        string output;
        lock (turn)
        {
            var result = mecab_sparse_tostr(tagger, input);
            if (result == 0) throw new InvalidOperationException($"MeCab could not parse the text: {Marshal.PtrToStringUTF8(mecab_strerror(tagger))}");
            output = Marshal.PtrToStringUTF8(result) ?? "";
        }
        var words = new List<Morpheme>();
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0 || line == "EOS") continue;
            var tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var surface = line[..tab];
            var features = line[(tab + 1)..].Split(',');
            string Feature(int i) => i < features.Length ? features[i] : "*";
            var baseForm = Feature(6);
            words.Add(new Morpheme(surface, Feature(0), Feature(1), Feature(5), baseForm is "*" ? surface : baseForm));
        }
        return words;
    }

    public void Dispose()
    {
        if (tagger != 0) mecab_destroy(tagger);
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nint mecab_new2([MarshalAs(UnmanagedType.LPUTF8Str)] string arguments);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nint mecab_sparse_tostr(nint mecab, byte[] text);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nint mecab_strerror(nint mecab);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void mecab_destroy(nint mecab);
}
