using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

public static class RfpMatches
{
    /// <summary>Every match of an RFP as the client reads them, page after page (best first).</summary>
    public static async Task<List<JsonElement>> AllAsync(HttpClient client, Guid rfpId)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/matches?offset={all.Count}&limit=100");
            all.AddRange(page.GetProperty("items").EnumerateArray());
            if (page.GetProperty("items").GetArrayLength() == 0 || all.Count >= page.GetProperty("total").GetInt32()) return all;
        }
    }
}
