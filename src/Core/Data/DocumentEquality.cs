using System.Text.Json;

namespace Marketplace.Core.Data;

/// <summary>
/// Whether two documents stored as JSON (an RFP's content, a proposal's) say the same thing: records holding arrays
/// compare their arrays by reference, so they are compared as the JSON they are stored as.
/// </summary>
public static class DocumentEquality
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);
}
