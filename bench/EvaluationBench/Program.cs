using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;

// The proposal comparison benchmark (issue 6). The Api runs in this process on Kestrel; a client organisation
// publishes an RFP with the eight axes, PROPOSALS vendors submit through the Api, the deadline passes, EVALUATORS
// evaluators score every proposal on every judged axis and submit, procurement records a few consensus scores. Then:
// GET /comparison and the Excel and CSV exports, timed from a client over HTTP on loopback.
// Usage: EvaluationBench [PROPOSALS] [EVALUATORS] [REQUESTS]   (the services come from the environment, as for the tests)
var proposalCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var evaluatorCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
static string Stats(List<double> ms) => string.Format(CultureInfo.InvariantCulture, "p50 {0,7:F1} ms  p95 {1,7:F1} ms  max {2,7:F1} ms  (n={3})",
    Percentile(ms, 0.50), Percentile(ms, 0.95), ms.Max(), ms.Count);

var (api, _) = ApiFactory.StartKestrel();
await using var _api = api;
var setup = Stopwatch.StartNew();

// The RFP closes soon after it is published, with time enough for the proposals to come in (about 0.2 s each).
var (owner, organisation, client, rfpId) = await ProposalScenarios.PublishByAsync(api, untilDeadline: TimeSpan.FromSeconds(20 + proposalCount * 0.6));
var vendorOwner = await People.SignedInAsync(api);
for (var i = 0; i < proposalCount; i++)
{
    var vendorId = await vendorOwner.CreateOrganisationAsync("vendor", $"ベンチマーク事業者 {i + 1:00} 株式会社");
    var vendor = vendorOwner.Client(vendorId);
    await ProposalScenarios.WriteVendorProfileAsync(vendor);
    var started = await ProposalScenarios.JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
    var content = ProposalScenarios.Complete(started, $"提案 {i + 1}");
    // Fees that differ, so that costs, cost scores and the best per row differ.
    content["fees"] = new
    {
        initialYen = 100_000L * (i % 7), monthlyYen = 200_000L + 10_000L * i,
        unitPrices = new[] { new { unit = "1 件", bands = new[] { new { fromQuantity = 0, priceYen = 60 + i % 40 }, new { fromQuantity = 1000, priceYen = 50 + i % 30 } } } },
        extraChargeConditions = i % 5 == 0 ? new[] { "月 2,000 件を超える場合" } : Array.Empty<string>(),
    };
    content["kpis"] = new[] { new { metric = "期限遵守率", committed = 98.5m + i % 15 * 0.1m, note = "ダブルチェック" } };
    (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", content)).EnsureSuccessStatusCode();
    (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
}
Console.WriteLine($"{proposalCount} proposals submitted through the Api in {setup.Elapsed.TotalSeconds:F1} s");

// The evaluators: the owner and members with the evaluator role (memberships written directly: the bench is about reading).
var evaluators = new List<Guid> { owner.UserId };
await using (var db = Database.Open(organisation))
{
    for (var i = 1; i < evaluatorCount; i++)
    {
        var person = await People.SignedInAsync(api);
        db.Memberships.Add(new Membership(organisation, person.UserId, OrganisationRoles.Evaluator, DateTimeOffset.UtcNow));
        evaluators.Add(person.UserId);
    }
    await db.SaveChangesAsync();
}
var opensAt = (await ProposalScenarios.JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary"))).GetProperty("opensAt").GetDateTimeOffset();
var wait = opensAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
if (wait > TimeSpan.Zero) await Task.Delay(wait);
(await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = evaluators })).EnsureSuccessStatusCode();

// Every evaluator scores every proposal on the seven judged axes (cost is the rule's) and submits; scores are written
// directly, as the Api would write them, then a few consensus scores.
var proposals = (await ProposalScenarios.JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"))).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
var axes = EvaluationAxes.All.Select(a => a.Code).Where(c => c != EvaluationRules.CostAxis).ToList();
await using (var db = Database.Open(organisation))
{
    var now = DateTimeOffset.UtcNow;
    foreach (var (evaluator, e) in evaluators.Select((x, i) => (x, i)))
    {
        foreach (var (proposal, p) in proposals.Select((x, i) => (x, i)))
            foreach (var (axis, a) in axes.Select((x, i) => (x, i)))
                db.EvaluationScores.Add(new EvaluationScore(rfpId, organisation, evaluator, proposal, axis, 1 + (p + a + e) % 5, p % 3 == 0 ? "根拠のあるコメント" : null, now));
    }
    await db.SaveChangesAsync();
    foreach (var evaluator in db.RfpEvaluators.Where(x => x.RfpId == rfpId).ToList()) evaluator.Submit(now);
    foreach (var proposal in proposals.Take(10))
        db.ConsensusScores.Add(new ConsensusScore(rfpId, organisation, proposal, "security", 3, "協議のうえ 3 とする", owner.UserId, now));
    await db.SaveChangesAsync();
}
Console.WriteLine($"{evaluators.Count} evaluators × {proposals.Count} proposals × {axes.Count} judged axes = {evaluators.Count * proposals.Count * axes.Count} scores, 8 axes in all; ready after {setup.Elapsed.TotalSeconds:F1} s");

async Task<List<double>> TimeAsync(string path, int count, Action<HttpResponseMessage, byte[]>? check = null)
{
    var times = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        check?.Invoke(response, body);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return times;
}

var comparisonPath = $"/api/v1/rfps/{rfpId}/comparison";
await TimeAsync(comparisonPath, 20); // warm-up: JIT, connection pool, plans
var columns = 0;
var comparison = await TimeAsync(comparisonPath, requests, (_, body) => columns = JsonDocument.Parse(body).RootElement.GetProperty("columns").GetArrayLength());
if (columns != proposalCount) throw new InvalidOperationException($"The comparison has {columns} columns, not {proposalCount}.");
Console.WriteLine($"GET /comparison ({columns} proposals):  {Stats(comparison)}");

var size = 0;
await TimeAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=xlsx", 3);
var xlsx = await TimeAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=xlsx", 20, (_, body) => size = body.Length);
Console.WriteLine($"GET /comparison/export?format=xlsx: {Stats(xlsx)}  ({size / 1024} KB)");
var csv = await TimeAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=csv", 20, (_, body) => size = body.Length);
Console.WriteLine($"GET /comparison/export?format=csv:  {Stats(csv)}  ({size / 1024} KB)");
var consensus = await TimeAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus", 50);
Console.WriteLine($"GET /evaluation/consensus:          {Stats(consensus)}");
