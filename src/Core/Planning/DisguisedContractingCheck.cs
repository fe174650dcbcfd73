using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Core.Planning;

/// <summary>
/// One way an RFP's text can ask the client to direct the vendor's staff (偽装請負). <paramref name="Patterns"/> are
/// regular expressions matched against one sentence at a time, after NFKC normalisation and lower-casing.
/// </summary>
public sealed record DisguisedContractingRule(string Code, IReadOnlyList<string> Patterns, string ReasonJa, string ReasonEn, string SuggestionJa, string SuggestionEn);

public sealed record DisguisedContractingFinding(string RuleCode, string Sentence, string Reason, string Suggestion);

/// <summary>
/// Before an RFP is published its text is read for requirements that would have the client direct the vendor's staff:
/// that is dispatch dressed as outsourcing (偽装請負), which the law forbids (domain.md). The rules are data: each
/// names the pattern, why it is a problem, and outcome-based wording to use instead.
/// </summary>
public static class DisguisedContractingCheck
{
    public static readonly IReadOnlyList<DisguisedContractingRule> Rules =
    [
        new("directInstructions",
            [@"直接(の)?指示", @"指揮命令", @"(当社|弊社|発注者|当方)(社員|担当者)?の指示(に従|のもと|の下|を受け)", @"指示どおりに作業",
             @"\b(under|follow(ing)?|take|taking|receive)\b.{0,30}\b(our|the client'?s|client)\b.{0,20}\b(instructions?|direction|orders|supervision)\b",
             @"\b(directly )?(instructed|supervised|directed) by (our|the client'?s|client)\b"],
            "発注者が受託者の従業員に直接指示することは、請負・委任では認められません（偽装請負）。",
            "In outsourcing the client may not give the vendor's staff instructions directly; that is disguised dispatch (偽装請負).",
            "求める成果と水準（KPI・SLA）を書き、作業の進め方と指示は受託者の責任者が行う旨にしてください。例：「受付から 1 営業日以内に 95% を処理すること」。",
            "State the outcome and its level (KPI/SLA) and leave how the work is done, and who instructs the staff, to the vendor's lead. E.g. \"95% processed within one business day of receipt\"."),
        new("workingHours",
            [@"(勤務|作業|就業)時間(を|は)?(当社|弊社|発注者)?(が)?(指定|決定|定め)", @"始業.{0,10}終業", @"\d{1,2}\s*(時|:\d{2})\s*(から|〜|~|-|－)\s*\d{1,2}\s*(時|:\d{2})\s*(まで)?\s*(勤務|作業|就業)",
             @"\bworking hours\b.{0,30}\b(set|fixed|decided|specified) by\b", @"\b(staff|personnel|engineers?)\b.{0,30}\bmust work\b.{0,20}\b\d{1,2}(:\d{2})?\s*(am|pm)?\s*(to|-)\s*\d{1,2}"],
            "受託者の従業員の勤務時間を発注者が決めることは、指揮命令にあたります。",
            "Setting the vendor's staff's working hours is directing them.",
            "必要なのがサービス提供時間なら「平日 9:00〜18:00 の問い合わせに対応すること」のように、サービスの提供時間として書いてください。",
            "If you need service hours, write them as the service's hours: \"handle enquiries received on weekdays 9:00-18:00\"."),
        new("attendance",
            [@"勤怠(を)?管理", @"出退勤", @"出勤簿", @"タイムカード", @"勤怠(の)?(報告|承認|確認)",
             @"\battendance\b", @"\btime ?sheets?\b.{0,30}\b(approved|managed|checked|signed) by (us|our|the client)", @"\bclock(ing)? (in|out)\b"],
            "受託者の従業員の勤怠を発注者が管理することは、指揮命令にあたります。",
            "Managing the attendance of the vendor's staff is directing them.",
            "勤怠は受託者が管理します。発注者が確認するのは成果（処理件数・期限遵守率などの月次報告）にしてください。",
            "The vendor manages its staff's attendance; ask for results instead (a monthly report of volume processed, deadline compliance)."),
        new("onSiteUnderOrders",
            [@"常駐.{0,20}(指示|命令|指揮)", @"(当社|弊社|発注者).{0,10}(の)?(席|フロア|部署)(で|に).{0,10}(指示|配属)", @"当社(社員|スタッフ)と同様に",
             @"\bon[- ]?site\b.{0,40}\b(under|following|as directed by)\b", @"\bembedded in our team\b", @"\bsame as our (own )?(employees|staff)\b"],
            "常駐そのものは問題ありませんが、常駐先で発注者の指示のもとで働く形は偽装請負になります。",
            "Working on site is not the problem; working on site under the client's orders is disguised dispatch.",
            "常駐が必要なら理由（機器・データの所在など）を書き、現場の指示は受託者の責任者が行うこと、発注者との窓口は責任者に一本化することを明記してください。",
            "If on-site work is needed, give the reason (equipment, where the data is) and state that the vendor's lead directs the work and is the single contact point."),
        new("staffSelection",
            [@"(要員|担当者|スタッフ|作業者)(の|を)?(事前)?(面接|面談|選定|指名)", @"(事前|事前の)面接", @"(要員|担当者)(の)?(交代|変更)(を)?(当社|弊社|発注者)が(指示|決定)",
             @"\binterview\b.{0,30}\b(the )?(vendor'?s )?(staff|personnel|engineers?|candidates?)\b", @"\bwe (will )?(select|choose|approve) (the )?(individual )?(staff|personnel|engineers?)\b"],
            "受託者の作業者を発注者が面接・選定することは、労働者派遣と同じ扱いになります。",
            "Interviewing or choosing the vendor's individual staff treats them as dispatched workers.",
            "個人ではなく体制で求めてください：必要な資格・経験年数、体制の人数、バックアップ体制を要件にし、要員の選定は受託者に任せます。",
            "Ask for a capability, not people: required qualifications and experience, team size, backup cover; the vendor chooses its staff."),
        new("overtimeOrders",
            [@"残業(を)?(命じ|指示|命令)", @"(当社|弊社|発注者)の(判断|指示)で(残業|休日出勤)", @"休日出勤(を)?(命じ|指示)",
             @"\bovertime\b.{0,30}\b(as|when|if) (instructed|requested|ordered|directed) by (us|the client)\b", @"\bwe (may|will|can) (order|require) overtime\b"],
            "受託者の従業員に残業や休日出勤を命じることは、指揮命令にあたります。",
            "Ordering overtime or weekend work from the vendor's staff is directing them.",
            "繁忙期の処理量と期限を数値で示し（例：「3 月は月 12,000 件、受付から 2 営業日以内」）、対応体制は受託者に任せてください。",
            "Give the peak volume and deadline in numbers (\"12,000 items in March, within 2 business days\") and let the vendor plan its staffing."),
    ];

    private static readonly (DisguisedContractingRule Rule, Regex[] Patterns)[] Compiled =
        Rules.Select(r => (r, r.Patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))).ToArray())).ToArray();

    /// <summary>Every sentence of <paramref name="text"/> that a rule matches, once per rule and sentence, in the text's order.</summary>
    public static List<DisguisedContractingFinding> Check(string? text, bool english)
    {
        var findings = new List<DisguisedContractingFinding>();
        foreach (var sentence in Sentences(text))
        {
            var normalised = sentence.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            foreach (var (rule, patterns) in Compiled)
                if (patterns.Any(p => p.IsMatch(normalised)))
                    findings.Add(new(rule.Code, sentence, english ? rule.ReasonEn : rule.ReasonJa, english ? rule.SuggestionEn : rule.SuggestionJa));
        }
        return findings;
    }

    /// <summary>Sentences end at 。！？, at . ! ? followed by a space, and at line breaks (lists are one item per line).</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : SentenceEnd.Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static readonly Regex SentenceEnd = new(@"(?<=[。！？])|(?<=[.!?])\s+|[\r\n]+", RegexOptions.CultureInvariant);
}
