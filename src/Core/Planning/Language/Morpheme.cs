namespace Marketplace.Core.Planning.Language;

/// <summary>
/// One word as MeCab reads it with the IPADIC dictionary: its surface, part of speech (品詞, its first two levels),
/// conjugation form (活用形) and base form (原形; the surface when the dictionary has none).
/// </summary>
public sealed record Morpheme(string Surface, string PartOfSpeech, string Subtype, string ConjugationForm, string BaseForm)
{
    public bool IsNoun => PartOfSpeech is "名詞" || PartOfSpeech is "接頭詞" && Subtype is "名詞接続";
    public bool IsVerb => PartOfSpeech is "動詞";
    public bool IsParticle => PartOfSpeech is "助詞";
    public bool IsAuxiliary => PartOfSpeech is "助動詞";
    public bool IsComma => PartOfSpeech is "記号" && Subtype is "読点";
}
