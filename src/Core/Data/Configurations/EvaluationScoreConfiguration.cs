using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<Evaluations.EvaluationScore>
{
    public void Configure(EntityTypeBuilder<Evaluations.EvaluationScore> s)
    {
        s.ToTable("evaluation_scores", t => t.HasCheckConstraint("ck_evaluation_scores_score", "score BETWEEN 1 AND 5"));
        s.HasKey(x => new { x.RfpId, x.UserId, x.ProposalId, x.Axis });
        s.Property(x => x.Axis).HasMaxLength(32);
        s.Property(x => x.Comment).HasMaxLength(Evaluations.EvaluationScore.CommentMaxLength);
        s.HasOne<Evaluations.RfpEvaluator>().WithMany().HasForeignKey(x => new { x.RfpId, x.UserId }).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
