using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Npgsql;

namespace Marketplace.Core.Tests;

/// <summary>
/// The seal at the database role: before the proposal deadline, raw SQL acting for the client finds no proposal and no
/// version, only their number; the deadline cannot be pulled forward by a write; after it, the client reads them.
/// </summary>
public sealed class SealedProposals
{
    private static async Task<(Guid Client, Guid Vendor, Guid Rfp)> ArrangeAsync(DateTimeOffset deadline)
    {
        var now = DateTimeOffset.UtcNow;
        var client = new Organisation(Database.UniqueName("封緘発注"), OrganisationKind.Client, "sealed-client@example.jp", "ja", now);
        var vendor = new Organisation(Database.UniqueName("封緘ベンダー"), OrganisationKind.Vendor, "sealed-vendor@example.jp", "ja", now);
        Rfp rfp;
        await using (var db = Database.Open(client.Id))
        {
            db.Organisations.Add(client);
            rfp = new Rfp(client.Id, new RfpContent { Title = "封緘テスト", ProposalDeadline = deadline, Visibility = "public" }, now);
            db.Rfps.Add(rfp);
            db.RfpVersions.Add(rfp.Publish(now));
            db.RfpListings.Add(new RfpListing(rfp, client.Name, now));
            await db.SaveChangesAsync();
        }
        await using (var db = Database.Open(vendor.Id))
        {
            db.Organisations.Add(vendor);
            var proposal = new Proposal(rfp.Id, vendor.Id, client.Id, new ProposalContent { Summary = "提案の中身" }, now);
            var attachment = new ProposalAttachment(proposal, "sealed-key", "事例集.pdf", "application/pdf", 1234, now);
            proposal.Attach(attachment.Reference(), deadline, now);
            db.Proposals.Add(proposal);
            db.ProposalAttachments.Add(attachment);
            db.ProposalVersions.Add(proposal.Submit(1, deadline, now, inForce: null)!);
            await db.SaveChangesAsync();
        }
        return (client.Id, vendor.Id, rfp.Id);
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var connection = await Database.OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!);
    }

    private static Task<T> AsAppRoleAsync<T>(Guid organisation, string sql, Guid rfpId, bool commit = false) =>
        Database.AsApplicationRoleAsync<T>(organisation, sql, [rfpId], commit);

    [Fact]
    public async Task Before_the_deadline_the_client_counts_proposals_but_reads_none_and_cannot_move_the_deadline_forward()
    {
        var (client, vendor, rfpId) = await ArrangeAsync(DateTimeOffset.UtcNow.AddDays(3));

        Assert.Equal(0L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposals WHERE rfp_id = $1", rfpId));
        Assert.Equal(0L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposal_versions WHERE rfp_id = $1", rfpId));
        Assert.Equal(0L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposals WHERE content::text LIKE '%提案の中身%' AND rfp_id = $1", rfpId));
        Assert.Equal(0L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposal_attachments WHERE rfp_id = $1", rfpId));
        Assert.Equal(1, await AsAppRoleAsync<int>(client, "SELECT submitted_proposal_count($1)", rfpId));
        // The vendor reads its own; a third organisation counts nothing.
        Assert.Equal(1L, await AsAppRoleAsync<long>(vendor, "SELECT count(*) FROM proposal_versions WHERE rfp_id = $1", rfpId));
        Assert.Equal(1L, await AsAppRoleAsync<long>(vendor, "SELECT count(*) FROM proposal_attachments WHERE rfp_id = $1", rfpId));
        Assert.Equal(0, await AsAppRoleAsync<int>(Guid.NewGuid(), "SELECT submitted_proposal_count($1)", rfpId));

        // Pulling the deadline into the past, or deleting the listing, to open the proposals early: refused.
        var moved = await Assert.ThrowsAsync<PostgresException>(() =>
            AsAppRoleAsync<object>(client, "UPDATE rfp_listings SET proposal_deadline = now() - interval '1 minute' WHERE rfp_id = $1 RETURNING 1", rfpId));
        Assert.Equal(PostgresErrorCodes.CheckViolation, moved.SqlState);
        // Nor to a minute from now: still in the future, but earlier than the deadline the vendors were given.
        var earlier = await Assert.ThrowsAsync<PostgresException>(() =>
            AsAppRoleAsync<object>(client, "UPDATE rfp_listings SET proposal_deadline = now() + interval '1 minute' WHERE rfp_id = $1 RETURNING 1", rfpId));
        Assert.Equal(PostgresErrorCodes.CheckViolation, earlier.SqlState);
        var deleted = await Assert.ThrowsAsync<PostgresException>(() =>
            AsAppRoleAsync<object>(client, "DELETE FROM rfp_listings WHERE rfp_id = $1 RETURNING 1", rfpId));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, deleted.SqlState);
        // Nor may a submitted version be rewritten by its vendor.
        var rewritten = await Assert.ThrowsAsync<PostgresException>(() =>
            AsAppRoleAsync<object>(vendor, "UPDATE proposal_versions SET content = '{}' WHERE rfp_id = $1 RETURNING 1", rfpId));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, rewritten.SqlState);
    }

    [Fact]
    public async Task After_the_deadline_the_client_reads_the_proposal_and_the_vendor_can_no_longer_change_it()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(3);
        var (client, vendor, rfpId) = await ArrangeAsync(deadline);
        Assert.Equal(0L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposals WHERE rfp_id = $1", rfpId));

        await Eventually.True(async () => await DatabaseNowAsync() > deadline, "the database's clock to pass the deadline"); // row-level security reads now()
        Assert.Equal(1L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposals WHERE rfp_id = $1", rfpId));
        Assert.Equal(1L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposal_versions WHERE rfp_id = $1", rfpId));
        Assert.Equal(1L, await AsAppRoleAsync<long>(client, "SELECT count(*) FROM proposal_attachments WHERE rfp_id = $1", rfpId));
        // Nor may the vendor take a file away after the deadline, or the client delete one.
        Assert.Equal(0, await AsAppRoleAsync<int>(vendor, "WITH gone AS (DELETE FROM proposal_attachments WHERE rfp_id = $1 RETURNING 1) SELECT count(*)::int FROM gone", rfpId));
        Assert.Equal(0, await AsAppRoleAsync<int>(client, "WITH gone AS (DELETE FROM proposal_attachments WHERE rfp_id = $1 RETURNING 1) SELECT count(*)::int FROM gone", rfpId));
        var late = await Assert.ThrowsAsync<PostgresException>(() =>
            AsAppRoleAsync<object>(vendor, "UPDATE proposals SET status = 'Withdrawn' WHERE rfp_id = $1 RETURNING 1", rfpId));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, late.SqlState); // row-level security's WITH CHECK
    }

    [Fact]
    public async Task The_application_role_moves_a_published_deadline_only_later()
    {
        var (client, _, rfpId) = await ArrangeAsync(DateTimeOffset.UtcNow.AddDays(3));
        // Later is fine (committed, so that the refusals below are judged against it).
        Assert.Equal(1, await AsAppRoleAsync<int>(client, """
            WITH moved AS (UPDATE rfp_listings SET proposal_deadline = proposal_deadline + interval '2 days', question_deadline = now() + interval '2 days'
                           WHERE rfp_id = $1 RETURNING 1)
            SELECT count(*)::int FROM moved
            """, rfpId, commit: true));
        foreach (var set in new[] { "proposal_deadline = proposal_deadline - interval '1 second'", "proposal_deadline = NULL",
                     "question_deadline = question_deadline - interval '1 second'", "question_deadline = NULL" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                AsAppRoleAsync<object>(client, $"UPDATE rfp_listings SET {set} WHERE rfp_id = $1 RETURNING 1", rfpId));
            Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        }
    }
}
