using System.Diagnostics;
using System.Globalization;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Hosting;
using Marketplace.Core.Vendors;
using Npgsql;

// The marketplace search benchmark. For each query class: the Api's GET /api/v1/vendors (HTTP, JSON, the page's cards
// included) and the same whole search written in SQL (VendorSearch: page and facet counts, sent directly with Npgsql),
// which is what the Api's in-memory engine replaces, with whether its plans use indexes. Then what the engine's copy
// costs: the time to load it and the memory it holds. Prints tables.
// Usage: SearchBench API_BASE_URL CONNECTION_STRING [REQUESTS_PER_QUERY]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SearchBench API_BASE_URL CONNECTION_STRING [REQUESTS_PER_QUERY]");
    return 2;
}
var api = new HttpClient { BaseAddress = new Uri(args[0]) };
var connectionString = args[1];
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var today = TimeProvider.System.Today();
Guid Service(string code) => CatalogueSeed.Services.Single(s => s.Code == code).Id;

// Each query: its query string for the Api and the same criteria for the SQL. Several per class, taken in turn.
var classes = new (string Name, (string Url, VendorSearchCriteria Criteria)[] Queries)[]
{
    ("facets only", [
        ("service=payroll&region=kanto&cert=isms", new() { ValidThrough = today, Services = [Service("payroll")], Regions = ["kanto"], Certifications = ["isms"] }),
        ("service=helpdesk&language=en&bcp=true", new() { ValidThrough = today, Services = [Service("helpdesk")], Languages = ["en"], BcpOnly = true }),
        ("type=KPO&verifiedOnly=true&capacityMin=30", new() { ValidThrough = today, Types = ["KPO"], VerifiedOnly = true, CapacityMin = 30 }),
        ("cert=pmark&region=kinki&service=bookkeeping", new() { ValidThrough = today, Certifications = ["pmark"], Regions = ["kinki"], Services = [Service("bookkeeping")] }),
    ]),
    ("2-char Japanese", [
        ("q=給与", new() { ValidThrough = today, Text = "給与" }),
        ("q=経理", new() { ValidThrough = today, Text = "経理" }),
        ("q=監視", new() { ValidThrough = today, Text = "監視" }),
        ("q=調査", new() { ValidThrough = today, Text = "調査" }),
    ]),
    ("3+ char word", [
        ("q=給与計算", new() { ValidThrough = today, Text = "給与計算" }),
        ("q=ヘルプデスク", new() { ValidThrough = today, Text = "ヘルプデスク" }),
        ("q=需要予測", new() { ValidThrough = today, Text = "需要予測" }),
        ("q=社会保険", new() { ValidThrough = today, Text = "社会保険" }),
    ]),
    ("English word", [
        ("q=payroll", new() { ValidThrough = today, Text = "payroll" }),
        ("q=helpdesk", new() { ValidThrough = today, Text = "helpdesk" }),
        ("q=research", new() { ValidThrough = today, Text = "research" }),
        ("q=bookkeeping", new() { ValidThrough = today, Text = "bookkeeping" }),
    ]),
    ("fee range", [
        ("feeMin=100000&feeMax=300000&sort=fee_asc&service=payroll", new() { ValidThrough = today, MonthlyFeeMin = 100_000, MonthlyFeeMax = 300_000, Sort = VendorSort.FeeAscending, Services = [Service("payroll")] }),
        ("feeMax=200000&sort=fee_asc&region=kanto", new() { ValidThrough = today, MonthlyFeeMax = 200_000, Sort = VendorSort.FeeAscending, Regions = ["kanto"] }),
        ("feeMin=1000000&sort=fee_desc&type=KPO", new() { ValidThrough = today, MonthlyFeeMin = 1_000_000, Sort = VendorSort.FeeDescending, Types = ["KPO"] }),
        ("feeMin=500000&feeMax=800000&cert=isms", new() { ValidThrough = today, MonthlyFeeMin = 500_000, MonthlyFeeMax = 800_000, Certifications = ["isms"] }),
    ]),
    // Not one of the classes: the first page with nothing chosen, the worst case (every vendor counted).
    ("(browse all, no filter)", [
        ("", new() { ValidThrough = today }),
    ]),
};

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var facetValues = new VendorSearch.FacetValues(["BPO", "ITO", "KPO"], CatalogueSeed.Services.Select(s => s.Id).ToList());
long vendors;
await using (var count = dataSource.CreateCommand("SELECT count(*) FROM vendor_search_entries"))
    vendors = (long)(await count.ExecuteScalarAsync())!;
Console.WriteLine($"Listed vendors: {vendors:N0}; {requests} timed requests per query class after a warm-up; page size 20.");
Console.WriteLine();

// The classes above repeat their four queries (so PostgreSQL's caches favour the all-SQL reference). One more class
// asks a new two-character word every time: the 1,200 pairs that most vendors use (from a sample of the documents),
// each asked once, in a fixed shuffled order; the commonest are in every document.
var words = new List<string>();
await using (var common = dataSource.CreateCommand("""
    SELECT word FROM ts_stat('SELECT document FROM vendor_search_documents TABLESAMPLE SYSTEM (5) REPEATABLE (1)')
    WHERE length(word) = 2 AND word !~ '[a-z0-9]' ORDER BY ndoc DESC, word LIMIT 1200
    """))
await using (var reader = await common.ExecuteReaderAsync())
    while (await reader.ReadAsync()) words.Add(reader.GetString(0));
var shuffle = new Random(1);
var shuffled = words.OrderBy(_ => shuffle.Next()).ToList();
classes = [.. classes, ("2-char Japanese, new word each time", shuffled.Select(w => ($"q={Uri.EscapeDataString(w)}", new VendorSearchCriteria { ValidThrough = today, Text = w })).ToArray())];

var rows = new List<string[]>();
foreach (var (name, queries) in classes)
{
    var cold = name.Contains("new word", StringComparison.Ordinal);
    // Warm-up: JIT, connection pools, caches (not for the class that never repeats a word).
    if (!cold)
        for (var i = 0; i < 10; i++)
            foreach (var q in queries) { await CallApiAsync(q.Url); await RunSqlAsync(q.Criteria); }

    var apiTimes = new List<double>();
    var sqlTimes = new List<double>();
    long matches = 0;
    // The Api's requests back to back, then the SQL's: a long SQL statement (a sequential scan of the documents takes
    // over a second) would otherwise slow the next Api request on this 2-core machine, and the other way round.
    for (var i = 0; i < requests; i++)
    {
        var q = queries[i % queries.Length];
        apiTimes.Add(await Time(() => CallApiAsync(q.Url)));
    }
    for (var i = 0; i < requests; i++)
    {
        var q = queries[i % queries.Length];
        sqlTimes.Add(await Time(async () => matches += await RunSqlAsync(q.Criteria)));
    }
    // The cold class's throughput uses the words not asked yet.
    var throughput = await ThroughputAsync(queries.Skip(cold ? requests : 0).Select(q => q.Url).ToArray(), TimeSpan.FromSeconds(5), concurrency: 4);
    var allSql = new List<string>();
    foreach (var q in queries.Take(4)) allSql.Add(await PlanAsync(q.Criteria));
    rows.Add([name, $"{matches / requests:N0}", Ms(Percentile(apiTimes, 50)), Ms(Percentile(apiTimes, 95)), $"{throughput:N0}",
        Ms(Percentile(sqlTimes, 50)), Ms(Percentile(sqlTimes, 95)), $"{Percentile(apiTimes, 95) / Percentile(sqlTimes, 95):F2}x",
        string.Join(", ", allSql.Distinct())]);
}

string[] header = ["query class", "matches", "API p50", "API p95", "API req/s", "all-SQL p50", "all-SQL p95",
    "API/all-SQL p95", "all-SQL plan"];
var widths = header.Select((h, i) => Math.Max(Width(h), rows.Max(r => Width(r[i])))).ToArray();
Console.WriteLine(string.Join(" | ", header.Select((h, i) => Pad(h, widths[i]))));
Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
foreach (var row in rows) Console.WriteLine(string.Join(" | ", row.Select((c, i) => Pad(c, widths[i]))));
Console.WriteLine();
Console.WriteLine("Times in ms. API: the text, the filters, the facet counts and the page come from the Api's in-memory copy; the Api also");
Console.WriteLine("reads the version row, the catalogue and the page's 20 cards (profiles, certifications) from PostgreSQL and writes JSON.");
Console.WriteLine("all-SQL: the same search wholly in PostgreSQL (page + every facet count, one round trip), the reference the engine is");
Console.WriteLine("tested against. req/s: 4 concurrent clients for 5 s, mixed queries of the class.");
Console.WriteLine();

// What the copy costs: a fresh engine in this process loads it as an Api does at start.
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var loading = Stopwatch.StartNew();
var engine = new VendorSearchEngine(dataSource);
await engine.WarmUpAsync(CancellationToken.None);
loading.Stop();
var peak = GC.GetGCMemoryInfo().HeapSizeBytes;
// Measured once the load's buffers are released (right after it returns they still are referenced for a moment).
var (loadedVendors, lexemes, postingBytes) = await engine.SizeAsync(CancellationToken.None);
await Task.Delay(200);
var held = GC.GetTotalMemory(forceFullCollection: true) - before;
Console.WriteLine($"Engine copy: {loadedVendors:N0} vendors, {lexemes:N0} distinct lexemes; loaded in {loading.Elapsed.TotalSeconds:F1} s; " +
                  $"holds {held / 1048576.0:F0} MB (postings {postingBytes / 1048576.0:F0} MB; GC.GetTotalMemory), heap {peak / 1048576.0:F0} MB at the end of the load.");
GC.KeepAlive(engine);
return 0;

async Task CallApiAsync(string query)
{
    using var response = await api.GetAsync("/api/v1/vendors?" + query);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

async Task<long> RunSqlAsync(VendorSearchCriteria criteria)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var (_, facets) = await VendorSearch.RunAsync(connection, criteria, null, 21, facetValues, CancellationToken.None);
    return facets.Total;
}

async Task<string> PlanAsync(VendorSearchCriteria criteria)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var plan = new List<string>();
    foreach (var statement in new[] { VendorSearch.PageStatement(criteria, null, 21), VendorSearch.FacetStatement(criteria, facetValues) })
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + statement.Sql, connection);
        foreach (var p in statement.Parameters) command.Parameters.Add(p.Clone());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
    }
    return Nodes(string.Join('\n', plan));
}

static string Nodes(string text)
{
    var nodes = new List<string>();
    if (text.Contains("Bitmap Index Scan on ix_vendor_search_documents_document")) nodes.Add("GIN document");
    if (text.Contains("Bitmap Index Scan on ix_vendor_search_entries_service_ids")) nodes.Add("GIN services");
    if (text.Contains("Bitmap Index Scan on ix_vendor_search_entries_regions")) nodes.Add("GIN regions");
    if (text.Contains("Index Scan") && text.Contains("profile_sections_organisation_id")) nodes.Add("btree order");
    if (text.Contains("Index Scan") && text.Contains("monthly_base_yen_organisation_id")) nodes.Add("btree fee");
    if (text.Contains("Seq Scan on vendor_search_entries")) nodes.Add("SEQ SCAN");
    if (text.Contains("Seq Scan on vendor_search_documents")) nodes.Add("SEQ SCAN documents");
    return string.Join("+", nodes.Distinct());
}

async Task<double> ThroughputAsync(string[] urls, TimeSpan duration, int concurrency)
{
    var stop = Stopwatch.StartNew();
    var done = 0;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        for (var i = worker; stop.Elapsed < duration; i++)
        {
            await CallApiAsync(urls[i % urls.Length]);
            Interlocked.Increment(ref done);
        }
    }));
    return done / stop.Elapsed.TotalSeconds;
}

static async Task<double> Time(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed.TotalMilliseconds;
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

// Japanese characters take two columns in a terminal.
static int Width(string text) => text.Sum(c => c > '\u2E80' ? 2 : 1);
static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));
