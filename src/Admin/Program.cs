using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Demo;
using Marketplace.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

// Marketplace.Admin: the operator's command line. ./run.sh and ./test.sh use it to migrate and seed.
//   migrate               apply EF migrations as the schema owner (ConnectionStrings:MarketplaceOwner)
//   seed                  load the demo data set (idempotent): organisations, 210 marketplace vendors with profiles and
//                         certifications (evidence into Storage__Path when set); with MARKETPLACE_DEMO_PASSWORD set,
//                         also the demo person demo@marketplace.example, owner of one client and one vendor
//   seed --bulk N         add N generated vendors (profiles, certifications, search entries) for benchmarks
//   grant-operator EMAIL  make an existing account a platform operator (verification and moderation, no tenant)
//   verify-audit          recompute the audit log's hash chain; exit 1 and name the first broken entry if any
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .Build();

var command = args.FirstOrDefault();
var clock = TimeProvider.System;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

try
{
    switch (command)
    {
        case "migrate":
        {
            await using var db = DataExtensions.CreateOwnerContext(configuration);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellation.Token)).ToList();
            await db.Database.MigrateAsync(cancellation.Token);
            Console.WriteLine(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            // The row-level security in force is src/Core/Data/Policies: applied after the migrations, where it differs.
            await db.Database.OpenConnectionAsync(cancellation.Token);
            var policies = await RowLevelPolicies.ApplyAsync(db.Database.GetDbConnection(), cancellation.Token);
            if (policies.Count > 0) Console.WriteLine($"Row-level security: applied the policies of {string.Join(", ", policies)}.");
            // Search entries are derived data: write those missing (vendors from before search existed).
            var today = clock.Today();
            var vendors = await Marketplace.Core.Vendors.VendorSearchIndex.VendorsToRefreshAsync(db, today, cancellation.Token);
            foreach (var vendor in vendors)
            {
                await using var vendorDb = DataExtensions.CreateOwnerContext(configuration);
                await Marketplace.Core.Vendors.VendorSearchIndex.RefreshAsync(vendorDb, vendor, today, cancellation.Token);
            }
            if (vendors.Count > 0) Console.WriteLine($"Search: rewrote {vendors.Count} vendor entries.");
            return 0;
        }
        case "policies" when args.Length == 2:
        {
            // Writes the row-level security in force, one file per table, in PostgreSQL's rendering (the form the files keep).
            await using var db = DataExtensions.CreateOwnerContext(configuration);
            await db.Database.OpenConnectionAsync(cancellation.Token);
            var inForce = await RowLevelPolicies.InForceAsync(db.Database.GetDbConnection(), cancellation.Token);
            Directory.CreateDirectory(args[1]);
            foreach (var (table, script) in inForce)
                await File.WriteAllTextAsync(Path.Combine(args[1], $"{table}.sql"), RowLevelPolicies.FileText(table, script), cancellation.Token);
            Console.WriteLine($"Wrote the row-level security of {inForce.Count} tables to {args[1]}.");
            return 0;
        }
        case "seed" when args.Length == 1:
        {
            var added = await DemoSeeder.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration),
                configuration["MARKETPLACE_DEMO_PASSWORD"], clock, cancellation.Token);
            // Evidence files of the demo certifications go where the Api reads uploads from (Storage__Path), if set.
            var storage = configuration["Storage:Path"] is { Length: > 0 } path ? new Marketplace.Core.Files.LocalFolderStorage(Path.GetFullPath(path)) : null;
            var vendors = await DemoVendors.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration), storage, clock, cancellation.Token);
            if (vendors > 0) Console.WriteLine($"Demo marketplace: added {vendors} vendors with profiles and certifications.");
            var named = await DemoVendors.SeedNamedAsync(() => DataExtensions.CreateOwnerContext(configuration), storage, clock, cancellation.Token);
            if (named > 0) Console.WriteLine($"Demo vendors: {named} named vendors wrote their listed profiles.");
            var tasks = await DemoClients.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration), clock, cancellation.Token);
            if (tasks > 0) Console.WriteLine($"Demo client: added a work inventory of {tasks} tasks and RFPs in every state.");
            var decisions = await DemoEvaluations.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration), clock, cancellation.Token);
            if (decisions > 0) Console.WriteLine("Demo client: added an RFP in evaluation (scores and a consensus) and an awarded one (contract and KPI reviews).");
            Console.WriteLine(added == 0 ? "Demo data already present." : $"Demo data: added {added} organisation(s).");
            return 0;
        }
        case "seed" when args.Length == 3 && args[1] == "--bulk" && int.TryParse(args[2], out var count) && count > 0:
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await DemoVendors.SeedBulkAsync(() => DataExtensions.CreateOwnerContext(configuration), count, clock, cancellationToken: cancellation.Token);
            Console.WriteLine($"Bulk: added {count} vendor(s) in {started.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }
        case "grant-operator" when args.Length == 2:
        {
            await using var db = DataExtensions.CreateOwnerContext(configuration);
            if (!await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, args[1], cancellation.Token))
            {
                Console.Error.WriteLine($"No account has the address {args[1]}.");
                return 1;
            }
            Console.WriteLine($"{args[1]} is a platform operator (effective at their next sign-in).");
            return 0;
        }
        case "verify-audit":
        {
            await using var connection = new NpgsqlConnection(DataExtensions.RequireConnectionString(configuration, DataExtensions.OwnerConnectionStringName));
            await connection.OpenAsync(cancellation.Token);
            var result = await AuditTrail.VerifyChainAsync(connection, cancellation.Token);
            if (result.Intact)
            {
                Console.WriteLine($"Audit log intact: {result.EntriesChecked} entries, every hash and link matches.");
                return 0;
            }
            Console.Error.WriteLine($"Audit log BROKEN at entry {result.FirstBrokenId}: {result.Problem}. ({result.EntriesChecked} entries read.)");
            return 1;
        }
        default:
            Console.Error.WriteLine("usage: Marketplace.Admin migrate | seed | seed --bulk N (N > 0) | grant-operator EMAIL | verify-audit | policies FOLDER");
            return 2;
    }
}
catch (Exception e) when (DataExtensions.IsDatabaseUnavailable(e))
{
    Console.Error.WriteLine($"The database is not reachable: {e.Message}");
    return 3;
}
