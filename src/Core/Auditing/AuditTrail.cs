using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Core.Auditing;

public static class AuditTrail
{
    /// <summary>
    /// Appends an entry in the caller's transaction (call inside one, so the entry commits with the change it
    /// records). Entries are serialised by a transaction-level lock in the database, so the chain has one order.
    /// </summary>
    public static async Task<long> AppendAuditAsync(this MarketplaceDbContext db, AuditRecord record, CancellationToken cancellationToken)
    {
        var data = record.Data is null ? null : JsonSerializer.Serialize(record.Data, MessageTypes.Json);
        var ids = await db.Database.SqlQuery<long>($"""
            SELECT append_audit_entry({record.OrganisationId}, {record.Actor}, {record.Action}, {record.ObjectType},
                                      {record.ObjectId}, {record.IpAddress}, {data}::jsonb) AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Single();
    }

    public sealed record Verification(long EntriesChecked, long? FirstBrokenId, string? Problem)
    {
        public bool Intact => FirstBrokenId is null;
    }

    /// <summary>
    /// Recomputes the chain from the first entry and names the first entry whose hash or link does not match.
    /// Needs a connection that can read every entry (the schema owner's).
    /// </summary>
    public static async Task<Verification> VerifyChainAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, previous_hash, hash,
                   audit_entry_hash(id, previous_hash, organisation_id, actor, action, object_type, object_id, occurred_at, ip_address, data)
            FROM audit_entries ORDER BY id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        byte[]? previous = null;
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var link = reader.IsDBNull(1) ? null : (byte[])reader[1];
            var stored = (byte[])reader[2];
            var expected = (byte[])reader[3];
            count++;
            if (!Same(link, previous))
                return new Verification(count, id, "its link to the entry before does not match (an entry was removed, inserted or changed)");
            if (!stored.AsSpan().SequenceEqual(expected))
                return new Verification(count, id, "its content does not match its hash (the entry was changed)");
            previous = stored;
        }
        return new Verification(count, null, null);
    }

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
