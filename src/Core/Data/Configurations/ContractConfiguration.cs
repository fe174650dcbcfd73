using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Awards.Contract>
{
    public void Configure(EntityTypeBuilder<Awards.Contract> c)
    {
        var (feesConverter, feesComparer) = JsonColumns.Document<Proposals.ProposalFees>();
        var (kpisConverter, kpisComparer) = JsonColumns.Document<Awards.ContractKpi[]>();
        c.ToTable("contracts");
        c.Property(x => x.VendorName).HasMaxLength(200);
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Fees).HasColumnType("jsonb").HasConversion(feesConverter, feesComparer);
        c.Property(x => x.Kpis).HasColumnType("jsonb").HasConversion(kpisConverter, kpisComparer);
        c.HasIndex(x => x.RfpId).IsUnique(); // one contract per awarded RFP
        c.HasIndex(x => x.VendorId);
        c.HasIndex(x => x.ClientOrganisationId);
        c.HasOne<Awards.RfpAward>().WithOne().HasForeignKey<Awards.Contract>(x => x.AwardId).OnDelete(DeleteBehavior.Restrict);
    }
}
