using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpMatchConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpMatch>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpMatch> m)
    {
        var reasonsConverter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Marketplace.Core.Rfps.MatchReason[], string>(
            v => System.Text.Json.JsonSerializer.Serialize(v, MarketplaceDbContext.RfpJson), v => System.Text.Json.JsonSerializer.Deserialize<Marketplace.Core.Rfps.MatchReason[]>(v, MarketplaceDbContext.RfpJson)!);
        m.ToTable("rfp_matches");
        m.HasKey(x => new { x.RfpId, x.VendorId });
        m.HasIndex(x => new { x.VendorId, x.MatchedAt });
        // The client pages through an RFP's matches best first (a popular service matches tens of thousands).
        m.HasIndex(x => new { x.RfpId, x.Score, x.VendorId }).IsDescending(false, true, false);
        m.Property(x => x.Reasons).HasColumnType("jsonb").HasConversion(reasonsConverter,
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Marketplace.Core.Rfps.MatchReason[]>((a, b) => a!.SequenceEqual(b!), v => v.Length, v => v.ToArray()));
        m.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
