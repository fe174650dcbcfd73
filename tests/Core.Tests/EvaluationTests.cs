using Marketplace.Core.Evaluations;
using Marketplace.Core.Identity;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Npgsql;

namespace Marketplace.Core.Tests;

/// <summary>The scoring rules with hand-computed cases, the side-by-side comparison, and independent scoring at the database role.</summary>
public sealed class EvaluationTests
{
    [Theory]
    [InlineData(1_000_000, 1_000_000, 5.00)] // the cheapest
    [InlineData(2_000_000, 1_000_000, 2.50)] // twice as dear
    [InlineData(3_000_000, 1_000_000, 1.67)] // 5/3 = 1.666… rounds up
    [InlineData(1_250_000, 1_000_000, 4.00)]
    [InlineData(9_000_000, 1_000_000, 1.00)] // five times or more: the floor
    [InlineData(0, 0, 5.00)] // free is the cheapest
    [InlineData(500_000, 0, 1.00)] // when the lowest is free, anything priced scores the floor
    public void Cost_becomes_a_score_in_proportion_to_the_lowest_total(long total, long lowest, decimal expected) =>
        Assert.Equal(expected, EvaluationRules.CostScore(total, lowest));

    [Fact]
    public void The_weighted_score_is_out_of_100_and_waits_for_every_axis()
    {
        // (30·5 + 20·3 + 50·4) / 100 = 4.1 → 82.0
        Assert.Equal(82.0m, EvaluationRules.WeightedScore([(30, 5m), (20, 3m), (50, 4m)]));
        // An axis weighed 0 does not count, scored or not.
        Assert.Equal(100.0m, EvaluationRules.WeightedScore([(10, 5m), (0, null)]));
        Assert.Null(EvaluationRules.WeightedScore([(10, 5m), (10, null)]));
        Assert.Null(EvaluationRules.WeightedScore([]));
    }

    [Fact]
    public void A_spread_of_two_is_a_disagreement()
    {
        Assert.Equal(new ScoreSpread(3.67m, 2, true), ScoreSpread.Of([5, 3, 3]));
        Assert.Equal(new ScoreSpread(3.5m, 1, false), ScoreSpread.Of([4, 3]));
        Assert.Equal(new ScoreSpread(null, 0, false), ScoreSpread.Of([]));
    }

    private static readonly RfpContent Rfp = new()
    {
        Title = "比較", ContractTermMonths = 12,
        Kpis = [new KpiTarget("正確性", "%", 99.5m, "higher"), new KpiTarget("処理日数", "日", 3, "lower")],
        EvaluationAxes = [new("trackRecord", 40), new("security", 20), new("cost", 40), new("bcp", 0)],
    };

    private static ComparedProposal Proposal(string label, long monthlyYen, bool conforms, decimal accuracy, decimal days)
    {
        var content = new ProposalContent
        {
            Fees = new ProposalFees { MonthlyYen = monthlyYen },
            Kpis = [new KpiCommitment("正確性", accuracy), new KpiCommitment("処理日数", days)],
        };
        return new ComparedProposal(Guid.NewGuid(), label, conforms, content, TotalCostOfOwnership.Of(content.Fees, Rfp),
            TotalCostOfOwnership.Sensitivity(content.Fees, Rfp), []);
    }

    [Fact]
    public void The_comparison_ranks_the_conforming_marks_the_best_per_row_and_prefers_the_consensus()
    {
        var a = Proposal("A", 100_000, true, 99.9m, 3);
        var b = Proposal("B", 200_000, true, 99.5m, 2);
        var c = Proposal("C", 50_000, false, 100m, 1); // cheaper and better on paper, but not re-confirmed
        var d = Proposal("D", 100_000, true, 99.0m, 5);
        var scores = new List<(Guid, string, int)>
        {
            (a.ProposalId, "trackRecord", 4), (a.ProposalId, "trackRecord", 2), (a.ProposalId, "security", 3),
            (b.ProposalId, "trackRecord", 5), (b.ProposalId, "security", 5),
            (d.ProposalId, "trackRecord", 3), (d.ProposalId, "security", 3),
        };
        var consensus = new Dictionary<(Guid, string), int> { [(d.ProposalId, "security")] = 4 };

        var comparison = ProposalComparison.Build(Rfp, [a, b, c, d], scores, consensus);
        var columns = comparison.Columns.ToDictionary(x => x.Label);

        // The lowest conforming total is A's and D's 1,200,000 (C's 600,000 does not count): B's 2,400,000 scores 2.5.
        Assert.Equal(5m, columns["A"].CostScore);
        Assert.Equal(2.5m, columns["B"].CostScore);
        // A: trackRecord mean 3, security 3, cost 5 → (40·3 + 20·3 + 40·5) / 100 = 3.8 → 76.0
        Assert.Equal(76.0m, columns["A"].WeightedScore);
        // B: (40·5 + 20·5 + 40·2.5) / 100 = 4.0 → 80.0
        Assert.Equal(80.0m, columns["B"].WeightedScore);
        // D: trackRecord 3, security the consensus 4 (not the evaluators' 3), cost 5 → (120 + 80 + 200) / 100 = 4.0 → 80.0
        Assert.Equal("consensus", columns["D"].Axes.Single(x => x.Axis == "security").Source);
        Assert.Equal(80.0m, columns["D"].WeightedScore);
        // B and D share the first rank; A is third (competition ranking); C has none.
        Assert.Equal((1, 1, 3), (columns["B"].Rank!.Value, columns["D"].Rank!.Value, columns["A"].Rank!.Value));
        Assert.Null(columns["C"].Rank);
        Assert.Null(columns["C"].WeightedScore);
        Assert.DoesNotContain(comparison.Rows, r => r.Key == "bcp"); // weighed 0: not compared

        var rows = comparison.Rows.ToDictionary(r => r.Key);
        // Accuracy: higher is better, C's 100 is not eligible, A's 99.9 is the best. Days: lower is better, B's 2.
        Assert.Equal([true, false, false, false], rows["正確性"].Best);
        Assert.Equal([false, true, false, false], rows["処理日数"].Best);
        Assert.Equal([true, false, false, true], rows["total"].Best); // A and D tie at the lowest total
        Assert.Equal([1_200_000m, 2_400_000m, 600_000m, 1_200_000m], rows["total"].Values);
        Assert.Equal([false, true, false, true], rows["rank"].Best);
        Assert.Equal("lower", rows["rank"].Better);
        Assert.Equal([false, false, false, false], rows["perUnit"].Best); // all 0: none is best
    }

    [Fact]
    public void Blind_letters_run_past_z() =>
        Assert.Equal(["A", "B", "Z", "AA", "AB", "BA"], new[] { 0, 1, 25, 26, 27, 52 }.Select(ProposalComparison.BlindLetter));

    [Fact]
    public async Task An_evaluator_still_scoring_reads_only_their_own_scores_even_by_raw_sql()
    {
        var now = DateTimeOffset.UtcNow;
        var client = new Organisation(Database.UniqueName("評価発注"), OrganisationKind.Client, "evaluation-client@example.jp", "ja", now);
        var vendor = new Organisation(Database.UniqueName("評価ベンダー"), OrganisationKind.Vendor, "evaluation-vendor@example.jp", "ja", now);
        var (first, second, lead) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var rfp = new Rfp(client.Id, new RfpContent { Title = "評価の独立性", ProposalDeadline = now.AddDays(1), Visibility = "public" }, now);
        await using (var db = Database.Open(client.Id))
        {
            foreach (var id in new[] { first, second, lead })
                db.Users.Add(new User { Id = id, UserName = $"{id}@example.jp", Email = $"{id}@example.jp", SecurityStamp = "s", CreatedAt = now });
            db.Organisations.Add(client);
            db.Rfps.Add(rfp);
            db.RfpVersions.Add(rfp.Publish(now));
            db.RfpListings.Add(new RfpListing(rfp, client.Name, now));
            await db.SaveChangesAsync();
        }
        Proposal proposal;
        await using (var db = Database.Open(vendor.Id))
        {
            db.Organisations.Add(vendor);
            proposal = new Proposal(rfp.Id, vendor.Id, client.Id, new ProposalContent { Summary = "提案" }, now);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
        }
        await using (var db = Database.Open(client.Id))
        {
            db.RfpEvaluations.Add(new RfpEvaluation(rfp.Id, client.Id, now));
            db.RfpEvaluators.AddRange(new RfpEvaluator(rfp.Id, client.Id, first, now), new RfpEvaluator(rfp.Id, client.Id, second, now));
            db.EvaluationScores.AddRange(new EvaluationScore(rfp.Id, client.Id, first, proposal.Id, "security", 4, null, now),
                new EvaluationScore(rfp.Id, client.Id, second, proposal.Id, "security", 2, null, now));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1L, await CountScoresAsAsync(client.Id, first, rfp.Id));
        Assert.Equal(1L, await CountScoresAsAsync(client.Id, second, rfp.Id));
        Assert.Equal(2L, await CountScoresAsAsync(client.Id, lead, rfp.Id)); // not on the panel: procurement
        Assert.Equal(0L, await CountScoresAsAsync(vendor.Id, lead, rfp.Id)); // another organisation

        await using (var db = Database.Open(client.Id))
        {
            var evaluator = db.RfpEvaluators.Single(e => e.UserId == first);
            evaluator.Submit(now);
            await db.SaveChangesAsync();
            Assert.Throws<EvaluationLockedException>(() => evaluator.Submit(now));
        }
        Assert.Equal(2L, await CountScoresAsAsync(client.Id, first, rfp.Id));
        Assert.Equal(1L, await CountScoresAsAsync(client.Id, second, rfp.Id));
    }

    private static async Task<long> CountScoresAsAsync(Guid organisation, Guid user, Guid rfpId)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.current_org', $1, true), set_config('app.current_user', $2, true)", connection, transaction))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = organisation.ToString() });
            set.Parameters.Add(new NpgsqlParameter { Value = user.ToString() });
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("SELECT count(*) FROM evaluation_scores WHERE rfp_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rfpId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
