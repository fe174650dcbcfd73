using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Rfps;

/// <summary>
/// When a published RFP's proposals close: written when it is published. Readable by every connection (only ids and
/// a time, no content) so that the Workers can find what is due without acting for every organisation; only the
/// owning organisation writes it. The RFP itself stays private to its organisation.
/// </summary>
public sealed class RfpDeadline : ITenantWritten
{
    private RfpDeadline() { }

    public RfpDeadline(Guid rfpId, Guid organisationId, DateTimeOffset proposalDeadline)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        ProposalDeadline = proposalDeadline;
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateTimeOffset ProposalDeadline { get; private set; }
    /// <summary>When the participants were told that proposals close within a day (once).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>An addendum moved the deadline: close then, and remind again if the reminder went out for the old one.</summary>
    public void MoveTo(DateTimeOffset proposalDeadline)
    {
        if (proposalDeadline == ProposalDeadline) return;
        ProposalDeadline = proposalDeadline;
        RemindedAt = null;
    }
}

/// <summary>
/// Closes published RFPs whose proposal deadline has passed, exactly once however many Workers run: the close is one
/// conditional UPDATE (status still Published), so of two Workers racing for an RFP only one changes the row and only
/// that one enqueues <see cref="RfpClosed"/>, in the same transaction. A Worker that dies before committing leaves the
/// RFP published and its deadline row in place, so the next scan (by any Worker) closes it.
/// </summary>
public static class RfpClosing
{
    /// <returns>How many RFPs this call closed.</returns>
    /// <param name="scopes">A scope per RFP: each scope's context acts for the RFP's organisation.</param>
    public static Task<int> CloseDueAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ForEachDueAsync(scopes, clock, d => d.ProposalDeadline <= now,
            (db, rfpId, organisationId, at) => CloseAsync(db, rfpId, organisationId, at, clock, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Closes one published RFP whose deadline has passed, in the caller's transaction (the caller saves): by a Worker's
    /// scan, or by the Api when procurement starts the evaluation before the scan came round. Whoever changes the row
    /// enqueues <see cref="RfpClosed"/>; the other changes nothing.
    /// </summary>
    /// <returns>Whether this call closed it.</returns>
    public static async Task<bool> CloseAsync(MarketplaceDbContext db, Guid rfpId, Guid organisationId, DateTimeOffset at, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var changed = await db.Rfps.Where(r => r.Id == rfpId && r.Status == RfpStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RfpStatus.Closed).SetProperty(r => r.ClosedAt, at).SetProperty(r => r.UpdatedAt, at),
                cancellationToken);
        await db.RfpDeadlines.Where(d => d.RfpId == rfpId).ExecuteDeleteAsync(cancellationToken);
        await db.RfpListings.Where(l => l.RfpId == rfpId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, RfpStatus.Closed).SetProperty(l => l.UpdatedAt, at), cancellationToken);
        if (changed != 1) return false;
        db.EnqueueMessage(new RfpClosed(rfpId, organisationId, at), organisationId, clock);
        return true;
    }

    /// <summary>
    /// Tells the participants of each published RFP whose proposals close within <paramref name="window"/> (24 hours)
    /// and still have a draft proposal, once per deadline: the reminder is claimed by a conditional UPDATE, as closing is.
    /// </summary>
    /// <returns>How many RFPs' participants this call reminded.</returns>
    public static Task<int> RemindDueAsync(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + window;
        return ForEachDueAsync(scopes, clock, d => d.RemindedAt == null && d.ProposalDeadline > now && d.ProposalDeadline <= horizon,
            async (db, rfpId, _, at) =>
            {
                var claimed = await db.RfpDeadlines.Where(d => d.RfpId == rfpId && d.RemindedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.RemindedAt, at), cancellationToken);
                var rfp = await db.Rfps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rfpId && r.Status == RfpStatus.Published, cancellationToken);
                if (claimed != 1 || rfp is null) return false;
                var deadline = rfp.Content.ProposalDeadline!.Value;
                // Only vendors still drafting a proposal need the push; the client may not know who they are (the seal),
                // so each notice carries the condition and the recipient's own context judges it on delivery.
                await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpDeadlineApproaching,
                    $"{NotificationTypes.RfpDeadlineApproaching}:{rfpId}:{deadline.UtcTicks}",
                    new Dictionary<string, string> { ["deadline"] = deadline.ToString("O") }, clock, cancellationToken,
                    condition: Notices.DraftProposalTo(rfpId));
                return true;
            }, cancellationToken);
    }

    /// <summary>
    /// Reads the deadlines <paramref name="due"/> selects (the table every connection reads), then handles each in its
    /// own scope and transaction, acting for the RFP's organisation. <paramref name="handle"/> claims its work with a
    /// conditional UPDATE and says whether it did any; what it added is saved with the commit.
    /// </summary>
    /// <returns>How many RFPs were handled.</returns>
    private static async Task<int> ForEachDueAsync(IServiceScopeFactory scopes, TimeProvider clock,
        System.Linq.Expressions.Expression<Func<RfpDeadline, bool>> due,
        Func<MarketplaceDbContext, Guid, Guid, DateTimeOffset, Task<bool>> handle, CancellationToken cancellationToken)
    {
        List<(Guid RfpId, Guid OrganisationId)> rows;
        await using (var readScope = scopes.CreateAsyncScope())
            rows = (await readScope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().RfpDeadlines.AsNoTracking().Where(due)
                    .OrderBy(d => d.ProposalDeadline).Select(d => new { d.RfpId, d.OrganisationId }).ToListAsync(cancellationToken))
                .Select(d => (d.RfpId, d.OrganisationId)).ToList();

        var handled = 0;
        foreach (var (rfpId, organisationId) in rows)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            db.Tenant.Set(organisationId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await handle(db, rfpId, organisationId, clock.GetUtcNow()))
            {
                await db.SaveChangesAsync(cancellationToken);
                handled++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return handled;
    }
}
