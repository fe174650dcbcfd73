using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// The client's evaluation (tenant-owned by the client; who may read whose scores is the Api's, decision 0015).
/// </summary>
internal sealed class RfpEvaluationConfiguration : IEntityTypeConfiguration<Evaluations.RfpEvaluation>
{
    public void Configure(EntityTypeBuilder<Evaluations.RfpEvaluation> e)
    {
        e.ToTable("rfp_evaluations");
        e.HasKey(x => x.RfpId);
        e.Property<uint>("xmin").IsRowVersion(); // two panel changes at once: one stands, the other is told
        e.HasOne<Rfps.Rfp>().WithOne().HasForeignKey<Evaluations.RfpEvaluation>(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
