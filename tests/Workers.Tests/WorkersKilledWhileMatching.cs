using System.Diagnostics;
using Marketplace.Core.Catalogue;
using Marketplace.Demo;
using Marketplace.TestSupport;
using Npgsql;

namespace Marketplace.Workers.Tests;

/// <summary>
/// Real Workers processes, killed with SIGKILL in the middle of matching a large RFP: after a restart (two processes
/// at once) every matching vendor is told exactly once.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class WorkersKilledWhileMatching
{
    private const int BulkVendors = 1500;

    /// <summary>The Workers' own build next to this test's (same configuration): tests/Workers.Tests/bin/C/net10.0 → src/Workers/bin/C/net10.0.</summary>
    private static string WorkersDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (bin.Name, bin.Parent!.Name);
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Workers", "bin", configuration, framework, "Marketplace.Workers.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the test starts the Workers' own build.", dll);
    }

    private sealed class WorkersProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();

        public WorkersProcess()
        {
            var start = new ProcessStartInfo("dotnet", [WorkersDll()]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // The services ./test.sh started come through the inherited environment; these make the run quick and tell every match.
            start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
            start.Environment["RfpMatching__NotifyTop"] = "1000000";
            start.Environment["Outbox__PollInterval"] = "00:00:00.100";
            start.Environment["Outbox__BatchSize"] = "500";
            start.Environment["CertificationExpiry__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output { get { lock (output) return output.ToString(); } }

        /// <summary>SIGKILL: no shutdown, no acknowledgement, no commit.</summary>
        public void Kill() => process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_workers_process_killed_in_the_middle_of_matching_tells_every_matching_vendor_exactly_once_after_a_restart()
    {
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await DemoVendors.SeedBulkAsync(Database.OpenAsOwner, BulkVendors, TimeProvider.System);
        try
        {
            await using var api = new ApiFactory();
            // Every service of the catalogue: nearly every bulk vendor matches, so the match is large.
            var (client, rfpId) = await TestRfps.PublishAsync(api, serviceCodes: CatalogueSeed.Services.Select(s => s.Code).ToArray());

            await using (var first = new WorkersProcess())
            {
                // The match has begun once its transaction holds rows of rfp_matches (it clears the old ones first).
                var stopwatch = Stopwatch.StartNew();
                while (await ScalarAsync(owner, """
                           SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                           WHERE c.relname = 'rfp_matches' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()
                           """) == 0)
                {
                    Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), "The Workers process never started matching:\n" + first.Output);
                    await Task.Delay(5);
                }
                first.Kill();
            }
            // Killed before its commit: nothing of the match, and none of its notices, were kept.
            await using (var db = Database.Open(client))
                Assert.False(db.RfpMatches.Any(m => m.RfpId == rfpId), "The match committed before the kill; the test did not kill it mid-way.");
            var notices = $"%rfp.matched:{rfpId}%";
            Assert.Equal(0, await ScalarAsync(owner, "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE @key", ("key", notices)));

            // RabbitMQ hands the unacknowledged message to the restarted Workers (two processes, competing).
            await using var second = new WorkersProcess();
            await using var third = new WorkersProcess();
            long matched = 0;
            await Eventually.True(async () =>
            {
                matched = await ScalarAsync(owner, "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE @key", ("key", notices));
                var delivered = await ScalarAsync(owner, """
                    SELECT count(*) FROM inbox_messages i JOIN outbox_messages o ON o.id = i.message_id
                    WHERE o.payload::text LIKE @key AND i.consumer LIKE '%DeliverNoticeConsumer'
                    """, ("key", notices));
                return matched > BulkVendors / 2 && delivered == matched;
            }, "every match notice to be delivered", TimeSpan.FromMinutes(3));

            await using var read = Database.Open(client);
            var vendors = read.RfpMatches.Where(m => m.RfpId == rfpId).Select(m => m.VendorId).ToList();
            Assert.Equal(vendors.Count, matched); // one notice per matching vendor, none from the killed attempt
            // Each vendor holds exactly one notification of the match (read acting for it: row-level security).
            var missing = new List<Guid>();
            foreach (var vendor in vendors)
            {
                await using var transaction = await owner.BeginTransactionAsync();
                await ScalarAsync(owner, "SELECT count(*) FROM (SELECT set_config('app.current_org', @org, true)) s", ("org", vendor.ToString()));
                if (await ScalarAsync(owner, "SELECT count(*) FROM notifications WHERE type = 'rfp.matched' AND data->>'rfpId' = @rfp", ("rfp", rfpId.ToString())) != 1)
                    missing.Add(vendor);
                await transaction.RollbackAsync();
            }
            Assert.Empty(missing);
        }
        finally
        {
            // The bulk vendors would crowd other tests' searches: remove them (and everything of theirs, by cascade).
            await ScalarAsync(owner, "WITH gone AS (DELETE FROM organisations WHERE id IN (SELECT organisation_id FROM vendor_profiles WHERE slug LIKE 'bulk-%') RETURNING 1) SELECT count(*) FROM gone");
        }
    }
}
