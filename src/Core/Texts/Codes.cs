namespace Marketplace.Core.Texts;

public static class Codes
{
    /// <summary>An enum value as the catalogue's codes and the Api's JSON name it: <c>EditDraft</c> → <c>editDraft</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
