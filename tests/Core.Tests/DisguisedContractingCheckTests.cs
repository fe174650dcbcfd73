using Marketplace.Core.Planning;

namespace Marketplace.Core.Tests;

/// <summary>Each rule with sentences it must flag and sentences it must leave alone, in Japanese and English.</summary>
public sealed class DisguisedContractingCheckTests
{
    public static TheoryData<string, string> Flagged => new()
    {
        { "directInstructions", "受託者の作業者は当社社員の指示に従って作業すること。" },
        { "directInstructions", "当社担当者が直接指示を行います。" },
        { "directInstructions", "Vendor staff will work under our supervision." },
        { "workingHours", "作業時間は当社が指定する。" },
        { "workingHours", "要員は 9時から18時まで勤務すること。" },
        { "workingHours", "Working hours are set by the client." },
        { "attendance", "勤怠管理は当社で行います。" },
        { "attendance", "Timesheets will be approved by our manager." },
        { "onSiteUnderOrders", "当社オフィスに常駐し、当社の指示のもとで作業すること。" },
        { "onSiteUnderOrders", "The team works on-site under our project manager." },
        { "staffSelection", "要員の事前面接を行います。" },
        { "staffSelection", "We will interview the vendor's staff before the start." },
        { "overtimeOrders", "繁忙期は当社の判断で残業を命じることがある。" },
        { "overtimeOrders", "Overtime as requested by us must be accepted." },
    };

    public static TheoryData<string> Clean => new()
    {
        "受付から 1 営業日以内に 95% を処理すること。",
        "平日 9:00〜18:00 の問い合わせに対応すること。",
        "作業の指示は受託者の責任者が行う。",
        "月次で処理件数と期限遵守率を報告すること。",
        "データセンターの機器を扱うため、当社拠点での作業を含みます。",
        "要員に必要な資格：日商簿記 2 級以上。",
        "The vendor's lead assigns and instructs the team.",
        "Respond to 95% of enquiries within one business day.",
        "Report volumes and deadline compliance monthly.",
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public void A_sentence_that_has_the_client_direct_vendor_staff_is_flagged_by_its_rule(string rule, string sentence)
    {
        var finding = Assert.Single(DisguisedContractingCheck.Check("目的：経理業務の効率化。\n" + sentence, english: false), f => f.RuleCode == rule);
        Assert.Equal(sentence, finding.Sentence);
        Assert.False(string.IsNullOrWhiteSpace(finding.Reason));
        Assert.False(string.IsNullOrWhiteSpace(finding.Suggestion));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void An_outcome_based_sentence_is_not_flagged(string sentence)
    {
        Assert.Empty(DisguisedContractingCheck.Check(sentence, english: true));
    }

    [Fact]
    public void Every_rule_has_both_languages_and_a_flagged_example()
    {
        var covered = Flagged.Select(row => (string)row[0]).ToHashSet();
        Assert.All(DisguisedContractingCheck.Rules, rule =>
        {
            Assert.Contains(rule.Code, covered);
            Assert.All(new[] { rule.ReasonJa, rule.ReasonEn, rule.SuggestionJa, rule.SuggestionEn }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        });
    }

    [Fact]
    public void Findings_name_the_sentence_in_the_readers_language_and_full_width_text_is_read_like_half_width()
    {
        var findings = DisguisedContractingCheck.Check("目的は品質の安定です。ＷＯＲＫＩＮＧ ＨＯＵＲＳ ＡＲＥ ＳＥＴ ＢＹ ＴＨＥ ＣＬＩＥＮＴ. 以上。", english: true);
        var finding = Assert.Single(findings);
        Assert.Equal("workingHours", finding.RuleCode);
        Assert.StartsWith("ＷＯＲＫＩＮＧ", finding.Sentence);
        Assert.Contains("working hours", finding.Reason);
    }
}
