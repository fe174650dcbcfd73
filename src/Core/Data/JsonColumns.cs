using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Core.Data;

/// <summary>Documents stored whole as jsonb (RFP and proposal content, fees, KPI lists).</summary>
internal static class JsonColumns
{
    /// <summary>A document written with <see cref="MarketplaceDbContext.RfpJson"/> and compared by its JSON.</summary>
    public static (ValueConverter<T, string>, ValueComparer<T>) Document<T>() where T : class =>
        (new(v => JsonSerializer.Serialize(v, MarketplaceDbContext.RfpJson), v => JsonSerializer.Deserialize<T>(v, MarketplaceDbContext.RfpJson)!),
         new((a, b) => JsonSerializer.Serialize(a, MarketplaceDbContext.RfpJson) == JsonSerializer.Serialize(b, MarketplaceDbContext.RfpJson),
             v => JsonSerializer.Serialize(v, MarketplaceDbContext.RfpJson).GetHashCode(),
             v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, MarketplaceDbContext.RfpJson), MarketplaceDbContext.RfpJson)!));
}
