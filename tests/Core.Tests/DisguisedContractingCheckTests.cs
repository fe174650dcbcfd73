using Marketplace.Core.Planning;
using Marketplace.Core.Planning.Language;

namespace Marketplace.Core.Tests;

/// <summary>
/// The check's behaviour beyond its corpus (DisguisedContractingCorpus): which criteria a sentence breaks, what a
/// finding says, how a text is cut into sentences and read in each sentence's own language.
/// </summary>
public sealed class DisguisedContractingCheckTests
{
    [Fact]
    public void The_sentence_of_the_issue_breaks_three_criteria_and_each_finding_quotes_it()
    {
        const string sentence = "当社の担当者が受託者の作業者に直接作業指示を行い、作業者の勤怠と残業を当社が管理する。";
        var findings = DisguisedContractingCheck.Check("目的：経理業務の効率化。\n" + sentence, english: false);
        Assert.Equal(["attendance", "directInstructions", "overtimeOrders"], findings.Select(f => f.RuleCode).Order());
        Assert.All(findings, f =>
        {
            Assert.Equal(sentence, f.Sentence);
            Assert.False(string.IsNullOrWhiteSpace(f.Reason));
            Assert.Contains("受託者", f.Suggestion);
        });
    }

    [Theory]
    [InlineData("受託者の責任者が作業者に作業を指示する。")] // the vendor directs its own people
    [InlineData("当社は受託者に対してのみ業務の依頼を行い、作業者個人には行わない。")] // said not to be done
    [InlineData("当社社員約350名分の勤怠集計と給与計算を委託する。")] // the client's own people's attendance is the work outsourced
    [InlineData("面接の日程調整業務（応募者対応）を委託する。")] // the client's own applicants
    [InlineData("夜間帯（22時〜翌8時）の監視業務を委託する。")] // monitoring as a service, not of people
    [InlineData("The vendor's staff may work at our office, where the vendor's supervisor directs them.")]
    [InlineData("The help desk operates Monday to Friday, 8:00-20:00 JST.")]
    public void What_the_vendor_does_with_its_own_people_and_work_that_is_about_the_clients_people_is_not_flagged(string sentence) =>
        Assert.Empty(DisguisedContractingCheck.Check(sentence, english: false));

    [Fact]
    public void Each_sentence_is_read_in_its_own_language_and_the_finding_speaks_the_readers()
    {
        var findings = DisguisedContractingCheck.Check("目的は品質の安定です。ＷＯＲＫＩＮＧ ＨＯＵＲＳ ＡＲＥ ＳＥＴ ＢＹ ＴＨＥ ＣＬＩＥＮＴ. 作業者の休日は当社が決める。", english: true);
        Assert.Equal([("workingHours", "ＷＯＲＫＩＮＧ"), ("workingHours", "作業者")], findings.Select(f => (f.RuleCode, f.Sentence[..Math.Min(f.Sentence.Length, f.Sentence.StartsWith('Ｗ') ? 7 : 3)])));
        Assert.All(findings, f => Assert.Contains("working hours", f.Reason));
    }

    [Fact]
    public void Every_criterion_is_data_with_its_source_and_both_languages()
    {
        Assert.Equal(8, DisguisedContractingCheck.Rules.Count);
        Assert.Equal(DisguisedContractingCheck.Rules.Count, DisguisedContractingCheck.Rules.Select(r => r.Code).Distinct().Count());
        Assert.All(DisguisedContractingCheck.Rules, rule =>
        {
            Assert.StartsWith("告示第37号", rule.Criterion);
            Assert.NotEmpty(rule.Acts);
            Assert.All(new[] { rule.ReasonJa, rule.ReasonEn, rule.SuggestionJa, rule.SuggestionEn }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        });
    }

    [Fact]
    public void A_reading_names_who_is_in_control_of_what()
    {
        var controls = DisguisedContractingCheck.Read("作業者の勤怠は当社が管理する。");
        var manage = Assert.Single(controls, c => c.Act == Act.Manage);
        Assert.Equal((Party.Client, true, false), (manage.Controller, manage.OnVendorWorkers, manage.Negated));
        Assert.Contains(Concept.Attendance, manage.About);
        Assert.Equal(Party.Vendor, Assert.Single(DisguisedContractingCheck.Read("受託者は作業者の勤怠を自ら管理すること。"), c => c.Act == Act.Manage).Controller);
    }

    [Fact]
    public void Text_is_cut_into_sentences_at_japanese_and_english_stops_and_at_line_breaks()
    {
        Assert.Equal(["一文目。", "二文目！", "Third one.", "Fourth", "五"], DisguisedContractingCheck.Sentences("一文目。二文目！Third one. Fourth\n五"));
        Assert.Empty(DisguisedContractingCheck.Check(null, english: false));
        Assert.Empty(DisguisedContractingCheck.Check("  ", english: false));
    }
}
