using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpEvaluatorConfiguration : IEntityTypeConfiguration<Evaluations.RfpEvaluator>
{
    public void Configure(EntityTypeBuilder<Evaluations.RfpEvaluator> e)
    {
        e.ToTable("rfp_evaluators");
        e.HasKey(x => new { x.RfpId, x.UserId });
        e.Property<uint>("xmin").IsRowVersion(); // a scorecard submitted twice at once is submitted once
        e.HasIndex(x => x.UserId);
        e.HasOne<Evaluations.RfpEvaluation>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
