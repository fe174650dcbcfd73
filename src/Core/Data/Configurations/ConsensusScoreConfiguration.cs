using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ConsensusScoreConfiguration : IEntityTypeConfiguration<Evaluations.ConsensusScore>
{
    public void Configure(EntityTypeBuilder<Evaluations.ConsensusScore> c)
    {
        c.ToTable("consensus_scores", t => t.HasCheckConstraint("ck_consensus_scores_score", "score BETWEEN 1 AND 5"));
        c.HasKey(x => new { x.RfpId, x.ProposalId, x.Axis });
        c.Property(x => x.Axis).HasMaxLength(32);
        c.Property(x => x.Reason).HasMaxLength(Evaluations.ConsensusScore.ReasonMaxLength);
        c.HasOne<Evaluations.RfpEvaluation>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
