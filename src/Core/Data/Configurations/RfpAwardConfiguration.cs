using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// The award, and the contract it creates: the client writes both; the vendor reads its contract and the KPI
/// reviews (row-level security says the same; migration Awards).
/// </summary>
internal sealed class RfpAwardConfiguration : IEntityTypeConfiguration<Awards.RfpAward>
{
    public void Configure(EntityTypeBuilder<Awards.RfpAward> a)
    {
        // 稟議 (decision 0016): an approved award was decided by someone other than its proposer, whatever writes it.
        a.ToTable("rfp_awards", t => t.HasCheckConstraint("ck_rfp_awards_approved_by_another",
            "status <> 'Approved' OR (decided_by IS NOT NULL AND decided_by <> proposed_by)"));
        a.Property<uint>("xmin").IsRowVersion(); // approved and sent back at once: one decision stands
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.VendorName).HasMaxLength(200);
        a.Property(x => x.Reason).HasMaxLength(Awards.RfpAward.ReasonMaxLength);
        a.Property(x => x.DecisionComment).HasMaxLength(Awards.RfpAward.ReasonMaxLength);
        a.HasIndex(x => new { x.RfpId, x.ProposedAt });
        // At most one award waiting for a decision, and one approved, per RFP.
        a.HasIndex(x => x.RfpId).IsUnique().HasFilter("status IN ('Proposed', 'Approved')");
        a.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}
