using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ProposalVersionConfiguration : IEntityTypeConfiguration<Proposals.ProposalVersion>
{
    public void Configure(EntityTypeBuilder<Proposals.ProposalVersion> v)
    {
        var (proposalConverter, proposalComparer) = JsonColumns.Document<Proposals.ProposalContent>();
        v.ToTable("proposal_versions");
        v.HasKey(x => new { x.ProposalId, x.Number });
        v.Property(x => x.Content).HasColumnType("jsonb").HasConversion(proposalConverter, proposalComparer);
        v.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
