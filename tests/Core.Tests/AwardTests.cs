using Marketplace.Core.Awards;

namespace Marketplace.Core.Tests;

/// <summary>The award's two-person rule and the KPI review's arithmetic.</summary>
public sealed class AwardTests
{
    private static RfpAward Proposed(Guid by) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "請求書サービス", " 総合評価 1 位 ", by, DateTimeOffset.UtcNow);

    [Fact]
    public void The_proposer_cannot_approve_and_a_decided_award_stays_decided()
    {
        var proposer = Guid.NewGuid();
        var award = Proposed(proposer);
        Assert.Equal("総合評価 1 位", award.Reason);
        Assert.Throws<SelfApprovalException>(() => award.Approve(proposer, "自分で", DateTimeOffset.UtcNow));
        Assert.Equal(AwardStatus.Proposed, award.Status);

        var approver = Guid.NewGuid();
        award.Approve(approver, "  ", DateTimeOffset.UtcNow);
        Assert.Equal((AwardStatus.Approved, approver, (string?)null), (award.Status, award.DecidedBy!.Value, award.DecisionComment));
        Assert.Throws<IllegalAwardTransitionException>(() => award.Reject(Guid.NewGuid(), "遅すぎる", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void The_proposer_may_withdraw_their_own_by_rejecting_it()
    {
        var proposer = Guid.NewGuid();
        var award = Proposed(proposer);
        award.Reject(proposer, "再検討します", DateTimeOffset.UtcNow);
        Assert.Equal(AwardStatus.Rejected, award.Status);
    }

    [Theory]
    [InlineData("higher", 99.5, 99.5, true)]
    [InlineData("higher", 99.5, 99.4, false)]
    [InlineData("lower", 3, 2.5, true)]
    [InlineData("lower", 3, 3.1, false)]
    public void A_kpi_is_met_by_its_direction(string direction, decimal committed, decimal actual, bool met) =>
        Assert.Equal(met, new ContractKpi("指標", "%", committed, committed, direction).Met(actual));
}
