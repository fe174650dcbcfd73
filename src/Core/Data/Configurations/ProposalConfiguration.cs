using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// A proposal is one document, like an RFP; the vendor writes it, the client reads it only after the deadline
/// (row-level security; decision 0014).
/// </summary>
internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposals.Proposal>
{
    public void Configure(EntityTypeBuilder<Proposals.Proposal> p)
    {
        var (proposalConverter, proposalComparer) = JsonColumns.Document<Proposals.ProposalContent>();
        p.ToTable("proposals");
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        p.Property(x => x.Content).HasColumnType("jsonb").HasConversion(proposalConverter, proposalComparer);
        p.Property<uint>("xmin").IsRowVersion(); // two tabs saving one draft: the later save is refused
        p.HasIndex(x => new { x.RfpId, x.VendorId }).IsUnique(); // one proposal per vendor and RFP
        p.HasIndex(x => new { x.VendorId, x.UpdatedAt });
        p.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
