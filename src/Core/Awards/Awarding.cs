using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Notifications;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Awards;

/// <summary>
/// The steps of an RFP's decision that the Api and the demo seed both take, in the caller's context acting for the
/// client (the caller saves, in one transaction).
/// </summary>
public static class Awarding
{
    /// <summary>
    /// Starts the evaluation of an RFP whose deadline has passed: closes it first if the Workers have not yet
    /// (<see cref="RfpClosing.CloseAsync"/>, so the "closed" notice still goes once), then Closed → Evaluating, on the
    /// listing too. Nothing happens to one already in evaluation.
    /// </summary>
    /// <returns>The RFP, tracked.</returns>
    public static async Task<Rfp> StartEvaluationAsync(MarketplaceDbContext db, Guid rfpId, DateTimeOffset now, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.SingleAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp.Status == RfpStatus.Published)
        {
            await RfpClosing.CloseAsync(db, rfpId, rfp.OrganisationId, now, clock, cancellationToken);
            await db.Entry(rfp).ReloadAsync(cancellationToken);
        }
        if (rfp.Status != RfpStatus.Closed) return rfp;
        rfp.StartEvaluation(now);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfpId, cancellationToken)).Update(rfp, now);
        if (!await db.RfpEvaluations.AnyAsync(e => e.RfpId == rfpId, cancellationToken))
            db.RfpEvaluations.Add(new RfpEvaluation(rfpId, rfp.OrganisationId, now));
        return rfp;
    }

    /// <summary>
    /// Approves a proposed award: the RFP is awarded (on its listing too), the contract is made from the winning
    /// proposal's latest version, and every vendor that proposed is told through the outbox: the winner
    /// (<see cref="NotificationTypes.RfpAwarded"/>, with the contract), the others (<see cref="NotificationTypes.RfpNotSelected"/>).
    /// Throws <see cref="SelfApprovalException"/>, <see cref="IllegalAwardTransitionException"/> or
    /// <see cref="IllegalRfpTransitionException"/>, before anything changes.
    /// </summary>
    public static async Task<Contract> ApproveAsync(MarketplaceDbContext db, RfpAward award, Guid approver, string? comment, RfpContent rfpContent,
        DateTimeOffset now, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.SingleAsync(r => r.Id == award.RfpId, cancellationToken);
        if (rfp.Status != RfpStatus.Evaluating) throw new IllegalRfpTransitionException(rfp.Status, RfpMove.Award);
        award.Approve(approver, comment, now);
        rfp.Award(now);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfp.Id, cancellationToken)).Update(rfp, now);
        var version = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == award.ProposalId).OrderByDescending(v => v.Number)
            .FirstAsync(cancellationToken);
        var contract = new Contract(award, rfpContent, version, now);
        db.Contracts.Add(contract);
        var proposers = await db.Proposals.AsNoTracking().Where(p => p.RfpId == rfp.Id && p.Status == ProposalStatus.Submitted).Select(p => p.VendorId)
            .ToListAsync(cancellationToken);
        foreach (var vendor in proposers)
        {
            var won = vendor == award.VendorId;
            var type = won ? NotificationTypes.RfpAwarded : NotificationTypes.RfpNotSelected;
            var data = new Dictionary<string, string> { ["rfpId"] = rfp.Id.ToString(), ["title"] = rfpContent.Title };
            if (won) data["contractId"] = contract.Id.ToString();
            Notices.Send(db, vendor, type, $"{type}:{rfp.Id}", data, clock);
        }
        return contract;
    }
}
