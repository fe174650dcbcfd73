using System.Text.RegularExpressions;
using Marketplace.Core.Awards;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.TestSupport;

namespace Marketplace.Core.Tests;

/// <summary>
/// The server's words live in one catalogue per language. These keep the catalogues whole: every language has every
/// code, every code the code base names has a text, and the texts render their arguments.
/// </summary>
public sealed partial class TextCatalogueTests
{
    [Fact]
    public void Japanese_is_the_default_and_English_is_there()
    {
        Assert.Equal("ja", TextCatalogue.SupportedLanguages[0]);
        Assert.Contains("en", TextCatalogue.SupportedLanguages);
    }

    [Fact]
    public void Every_language_has_every_code_with_a_text()
    {
        var codes = TextCatalogue.SupportedLanguages.SelectMany(l => TextCatalogue.Entries(l).Keys).ToHashSet();
        foreach (var language in TextCatalogue.SupportedLanguages)
        {
            var missing = codes.Where(c => !TextCatalogue.Has(c, language)).Order().ToList();
            Assert.True(missing.Count == 0, $"{language} lacks {string.Join(", ", missing)}");
            var empty = TextCatalogue.Entries(language).Where(e => string.IsNullOrWhiteSpace(e.Value) && e.Key != "common.listSeparator").Select(e => e.Key).ToList();
            Assert.True(empty.Count == 0, $"{language} has empty texts: {string.Join(", ", empty)}");
        }
    }

    [Fact]
    public void Every_code_named_in_the_source_has_a_text()
    {
        var literal = CodeLiteral();
        var named = Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups["code"].Value)))
            .ToList();
        Assert.NotEmpty(named);
        var unknown = named.Where(n => !TextCatalogue.Has(n.Code, TextCatalogue.DefaultLanguage)).Select(n => $"{n.Code} ({n.File})").Distinct().ToList();
        Assert.True(unknown.Count == 0, $"No text for: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_field_a_validation_rule_names_has_its_label()
    {
        // Required("vendor.summary"), MaxChars("proposal.bcp", …), Label("vendor.rto")…: each key reads as field.<key>.
        var rule = FieldLabelLiteral();
        var named = Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => rule.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.True(named.Count > 50, $"only {named.Count} field labels found");
        var unknown = named.Where(n => TextCatalogue.SupportedLanguages.Any(l => !TextCatalogue.Has($"field.{n.Key}", l)))
            .Select(n => $"{n.Key} ({n.File})").Distinct().ToList();
        Assert.True(unknown.Count == 0, $"No label for: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_refusal_the_domain_can_make_has_its_texts()
    {
        var refusals = new List<DomainException>();
        foreach (var status in Enum.GetValues<RfpStatus>())
            foreach (var move in Enum.GetValues<RfpMove>())
                refusals.Add(new IllegalRfpTransitionException(status, move));
        foreach (var status in Enum.GetValues<ProposalStatus>())
            foreach (var move in Enum.GetValues<ProposalMove>())
                refusals.Add(new IllegalProposalTransitionException(status, move));
        refusals.AddRange(EvaluationLockedException.Reasons.Select(r => new EvaluationLockedException(r)));
        refusals.AddRange(Enum.GetValues<AwardStatus>().Select(s => new IllegalAwardTransitionException(s)));
        refusals.Add(new SelfApprovalException());
        refusals.Add(new ProposalDeadlinePassedException(DateTimeOffset.UtcNow));
        refusals.Add(new RfpDeadlineMovedEarlierException("proposalDeadline", DateTimeOffset.UtcNow));
        refusals.Add(new FindingsNotAcknowledgedException(2));
        refusals.Add(new AddendumChangesNothingException());

        foreach (var refusal in refusals)
            foreach (var language in TextCatalogue.SupportedLanguages)
                foreach (var text in new[] { refusal.Title, refusal.Detail })
                {
                    var said = TextCatalogue.In(language, text);
                    Assert.True(TextCatalogue.Has(text.Code, language), $"{refusal.GetType().Name}: no {language} text for {text.Code}");
                    Assert.DoesNotContain("{{", said);
                }
    }

    [Fact]
    public void Every_publishing_problem_renders_in_every_language()
    {
        var problems = RfpPublishing.Problems(new RfpContent
        {
            Kpis = [new KpiTarget(null, null, null, null), new KpiTarget("一次回答率", "%", 90, "higher"), new KpiTarget("一次回答率", "%", 95, "higher")],
            CurrentVolumes = [new ExpectedVolume(null, null, null)],
            ExpectedVolumes = [new ExpectedVolume(null, null, null)],
            QuestionDeadline = DateTimeOffset.UtcNow.AddDays(-1),
            ProposalDeadline = DateTimeOffset.UtcNow.AddDays(-2),
        }, DateTimeOffset.UtcNow);
        Assert.True(problems.Count > 15);
        foreach (var problem in problems)
            foreach (var language in TextCatalogue.SupportedLanguages)
            {
                Assert.True(TextCatalogue.Has(problem.Text.Code, language), $"no {language} text for {problem.Text.Code}");
                Assert.DoesNotContain("{{", TextCatalogue.In(language, problem.Text));
            }
    }

    [Fact]
    public void Every_vocabulary_the_domain_names_by_code_has_its_texts()
    {
        // The domain's lists hold codes only; each code's words are in the catalogue (interpolated codes the test above cannot see).
        var texts = new List<Text>();
        texts.AddRange(EvaluationAxes.All.Select(a => EvaluationAxes.Label(a.Code)));
        texts.AddRange(ReadinessChecklist.Items.Select(ReadinessChecklist.Label));
        texts.AddRange(SecurityQuestionnaire.Questions.Select(SecurityQuestionnaire.Question));
        texts.AddRange(Vendors.CertificationTypes.Codes.Select(Vendors.CertificationTypes.Name));
        texts.AddRange(ProposalFlags.Codes.SelectMany(code => new[] { new ProposalFlag(code, "isms").Text, new ProposalFlag(code).Text }));
        texts.AddRange(new[] { "initial", "monthly", "perUnit", "total", "volumeMinus20", "volumePlus20" }.Select(key => Text.Of($"comparison.row.{key}")));
        foreach (var text in texts)
            foreach (var language in TextCatalogue.SupportedLanguages)
            {
                Assert.True(TextCatalogue.Has(text.Code, language), $"no {language} text for {text.Code}");
                Assert.DoesNotContain("{{", TextCatalogue.In(language, text));
            }
    }

    [Fact]
    public void The_comparison_names_its_rows_in_the_readers_language()
    {
        var rfp = new RfpContent { Kpis = [new KpiTarget("一次回答率", "%", 90.5m, "higher")] };
        var rows = ProposalComparison.Build(rfp, [], [], new Dictionary<(Guid, string), int>()).Rows;
        Assert.Equal("実績（15%）", TextCatalogue.In("ja", rows.First(r => r.Key == "trackRecord").Label));
        Assert.Equal("Track record (15%)", TextCatalogue.In("en", rows.First(r => r.Key == "trackRecord").Label));
        Assert.Equal("一次回答率（目標 90.5%）", TextCatalogue.In("ja", rows.First(r => r.Section == "kpi").Label));
        Assert.Equal("Total cost (volume +20%)", TextCatalogue.In("en", rows.First(r => r.Key == "volumePlus20").Label));
        Assert.Equal("The required certification (Privacy Mark) ends before the contract does",
            TextCatalogue.In("en", new ProposalFlag("certificationExpires", "pmark").Text));
    }

    [Fact]
    public void Arguments_render_as_the_reader_reads_them()
    {
        var moment = new DateTimeOffset(2026, 12, 2, 5, 5, 0, TimeSpan.Zero);
        Assert.Equal("提案は 2026年12月2日 14:05（日本時間）まで受け付けていました。", TextCatalogue.In("ja", "proposal.closed", new { deadline = moment }));
        Assert.Equal("Proposals were accepted until 2026-12-02 14:05 JST.", TextCatalogue.In("en", "proposal.closed", new { deadline = moment }));
        Assert.Contains("2026年12月2日に数え直されます", TextCatalogue.In("ja", "billing.quota.detail", new { plan = "フリー", limit = 3, used = 3, resets = moment }));
        Assert.Contains("starts again on 2026-12-02.", TextCatalogue.In("en", "billing.quota.detail", new { plan = "Free", limit = 3, used = 3, resets = moment }));
        Assert.Equal("At most 4,000 characters.", TextCatalogue.In("en", "rfp.validation.textMax", new { max = 4000 }));
        Assert.Equal("認証は isms・pmark から選んでください。", TextCatalogue.In("ja", "rfp.validation.certifications", new { codes = new[] { "isms", "pmark" } }));
        Assert.Equal("The RFP is published; it cannot be deleted (cancel it instead).",
            TextCatalogue.In("en", new IllegalRfpTransitionException(RfpStatus.Published, RfpMove.Delete).Detail));
        Assert.Equal("この RFP は「公開中」のため、この操作はできません。", TextCatalogue.In("ja", new IllegalRfpTransitionException(RfpStatus.Published, RfpMove.Delete).Detail));
        // An unknown language reads the default; a code nobody wrote shows as itself (the tests above keep that from happening).
        Assert.Equal(TextCatalogue.In("ja", "rfp.notFound"), TextCatalogue.In("fr", "rfp.notFound"));
        Assert.Equal("no.such.code", TextCatalogue.In("en", "no.such.code"));
    }

    // A catalogue code passed as a literal: Say("rfp.notFound"…), In(language, "rfp.notFound"…), Text.Of("rfp.notFound"…).
    private const string Code = @"(?<code>[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)";

    [GeneratedRegex(@"(?:\bSay|\bIn|Text\.Of)\((?:[A-Za-z.]+,\s*)?""" + Code + @"""|RequireOrganisationKind\([^,]+,\s*""" + Code + @"""|Add\([^,]+,\s*""(?<code>rfp\.[A-Za-z0-9.]+)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"\b(?:Required|MaxChars|InRange|TextList|OneOf|AllOneOf|Email|Label|RequiredMessage|InvalidEmailMessage)\(""(?<key>[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex FieldLabelLiteral();
}
