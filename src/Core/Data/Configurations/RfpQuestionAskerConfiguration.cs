using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpQuestionAskerConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpQuestionAsker>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpQuestionAsker> a)
    {
        a.ToTable("rfp_question_askers");
        a.HasKey(x => x.QuestionId);
        a.HasIndex(x => new { x.RfpId, x.VendorId });
        a.HasIndex(x => x.VendorId);
        a.HasOne<Marketplace.Core.Rfps.RfpQuestion>().WithOne().HasForeignKey<Marketplace.Core.Rfps.RfpQuestionAsker>(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
    }
}
