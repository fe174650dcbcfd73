using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Core.Planning.Language;

namespace Marketplace.Core.Planning;

/// <summary>
/// One criterion of 労働者派遣事業と請負により行われる事業との区分に関する基準 (昭和61年労働省告示第37号) that an RFP's text
/// can break by having the client, rather than the vendor, do an employer's part towards the vendor's workers. A
/// sentence breaks it when the client is in control (<see cref="Control.Controller"/>) of one of
/// <paramref name="Acts"/> over the vendor's workers, about one of <paramref name="About"/> (or of
/// <paramref name="Sufficing"/>, about anything of theirs).
/// </summary>
/// <param name="Criterion">Where the notice (告示第37号 第2条) and its published Q&amp;A say so.</param>
/// <param name="Sufficing">Acts that break it over the vendor's workers whatever they are about (an instruction, an evaluation, a reprimand).</param>
public sealed record DisguisedContractingRule(string Code, string Criterion, IReadOnlySet<Act> Acts, IReadOnlySet<Concept> About, IReadOnlySet<Act> Sufficing,
    string ReasonJa, string ReasonEn, string SuggestionJa, string SuggestionEn)
{
    public bool BrokenBy(Control control) =>
        control is { Controller: Party.Client, OnVendorWorkers: true, Negated: false }
        && (Sufficing.Contains(control.Act) || Acts.Contains(control.Act) && About.Overlaps(control.About));
}

/// <param name="Criterion">Where the notice and its Q&amp;A say so (in Japanese: the notice's own words).</param>
public sealed record DisguisedContractingFinding(string RuleCode, string Sentence, string Reason, string Suggestion, string Criterion);

/// <summary>
/// Before an RFP is published its text is read for requirements that would have the client direct the vendor's staff:
/// that is dispatch dressed as outsourcing (偽装請負), which the law forbids (domain.md). Each sentence is read for who
/// does what to whom (<see cref="JapaneseReader"/> through MeCab, <see cref="EnglishReader"/>), and the criteria below,
/// kept as data with their reasons and outcome-based rewordings, judge what was read. Measured on a corpus
/// (tests/Core.Tests/Fixtures/DisguisedContracting).
/// </summary>
public static class DisguisedContractingCheck
{
    private static readonly HashSet<Act> Directing = [Act.Instruct, Act.Supervise, Act.Follow, Act.Assign, Act.Order];
    /// <summary>Having one's work checked, approved or decided by the client, person by person, is being directed by it too.</summary>
    private static readonly HashSet<Act> DirectingWork = [.. Directing, Act.Approve, Act.Check, Act.Decide];
    private static readonly HashSet<Act> None = [];

    public static readonly IReadOnlyList<DisguisedContractingRule> Rules =
    [
        new("directInstructions", "告示第37号 第2条第1号イ(1)（業務の遂行方法に関する指示その他の管理）", DirectingWork, new HashSet<Concept> { Concept.Work }, Sufficing: Directing,
            "業務の進め方を発注者が受託者の作業者に直接指示・管理することは、請負・委任では認められません（偽装請負）。指示は受託者の責任者が行います。",
            "In outsourcing the client may not direct how the vendor's staff do the work; the vendor's lead does. Directing them is disguised dispatch (偽装請負).",
            "求める成果と水準（KPI・SLA）を書き、作業の進め方と作業者への指示は受託者の責任者が行う旨にしてください。例：「受付から 1 営業日以内に 95% を処理すること」「依頼は受託者の責任者を窓口とする」。",
            "State the outcome and its level (KPI/SLA) and leave how the work is done, and instructing the staff, to the vendor's lead. E.g. \"95% processed within one business day\"; \"requests go through the vendor's lead\"."),
        new("performanceEvaluation", "告示第37号 第2条第1号イ(2)（業務の遂行に関する評価等に係る指示その他の管理）", new HashSet<Act> { Act.Evaluate },
            new HashSet<Concept> { Concept.Performance, Concept.Work }, Sufficing: new HashSet<Act> { Act.Evaluate },
            "受託者の作業者一人ひとりを発注者が評価することは、受託者が自ら行うべき管理です。",
            "Evaluating the vendor's individual staff is the vendor's own management, not the client's.",
            "評価の対象を人ではなくサービスにしてください：KPI・SLA の達成状況を月次で評価し、改善は受託者に求めます。",
            "Evaluate the service, not the people: review KPI/SLA results monthly and ask the vendor to improve."),
        new("workingHours", "告示第37号 第2条第1号ロ(1)（始業・終業の時刻、休憩時間、休日、休暇等の管理）",
            new HashSet<Act> { Act.Decide, Act.Approve, Act.Manage, Act.Follow, Act.Instruct, Act.Order, Act.Check, Act.Assign, Act.Contact, Act.Other },
            new HashSet<Concept> { Concept.WorkingTime, Concept.Leave }, Sufficing: None,
            "受託者の作業者の勤務時間・休憩・休日・休暇を発注者が決めたり承認したりすることは、指揮命令にあたります。",
            "Setting or approving the vendor's staff's working hours, breaks, days off or leave is directing them.",
            "必要なのがサービス提供時間なら「平日 9:00〜18:00 の問い合わせに対応すること」のように、サービスの提供時間として書いてください。作業者の勤務は受託者が管理します。",
            "If you need service hours, write them as the service's hours: \"handle enquiries received on weekdays 9:00-18:00\". The vendor manages its staff's hours."),
        new("attendance", "告示第37号 第2条第1号ロ(1)（出退勤・勤怠の管理）", new HashSet<Act> { Act.Manage, Act.Check, Act.Approve, Act.Contact, Act.Decide, Act.Follow, Act.Other },
            new HashSet<Concept> { Concept.Attendance }, Sufficing: None,
            "受託者の作業者の勤怠（出退勤・遅刻・欠勤）を発注者が管理・確認することは、指揮命令にあたります。",
            "Managing or checking the attendance of the vendor's staff (clocking in and out, lateness, absence) is directing them.",
            "勤怠は受託者が管理します。発注者が確認するのは成果（処理件数・期限遵守率などの月次報告）にしてください。",
            "The vendor manages its staff's attendance; ask for results instead (a monthly report of volume processed, deadline compliance)."),
        new("overtimeOrders", "告示第37号 第2条第1号ロ(2)（時間外労働・休日労働の指示その他の管理）",
            new HashSet<Act> { Act.Order, Act.Instruct, Act.Decide, Act.Approve, Act.Follow, Act.Assign, Act.Manage, Act.Other },
            new HashSet<Concept> { Concept.Overtime }, Sufficing: None,
            "受託者の作業者に残業や休日出勤を命じたり、その可否を決めたりすることは、指揮命令にあたります。",
            "Ordering, allowing or deciding overtime or weekend work for the vendor's staff is directing them.",
            "繁忙期の処理量と期限を数値で示し（例：「3 月は月 12,000 件、受付から 2 営業日以内」）、対応する体制と時間は受託者に任せてください。",
            "Give the peak volume and deadline in numbers (\"12,000 items in March, within 2 business days\") and let the vendor plan its staffing and hours."),
        new("discipline", "告示第37号 第2条第1号ハ(1)（服務上の規律に関する指示その他の管理）",
            new HashSet<Act> { Act.Follow, Act.Decide, Act.Instruct, Act.Manage, Act.Caution, Act.Other },
            new HashSet<Concept> { Concept.Discipline }, Sufficing: new HashSet<Act> { Act.Caution },
            "受託者の作業者に発注者の就業規則や服務規律を適用し、指導することは、受託者が自ら行うべき管理です。",
            "Putting the vendor's staff under the client's work rules, dress code or discipline is the vendor's own management.",
            "守ってほしいのが情報セキュリティや入館の手続きなら、その規程の遵守を受託者の義務として書いてください（例：「当社の情報セキュリティ規程に従いデータを取り扱うこと」）。服務規律は受託者が管理します。",
            "If what you need is security or site-access compliance, make it the vendor's obligation (\"handle our data under our information security policy\"); conduct rules are the vendor's."),
        new("staffSelection", "告示第37号 第2条第1号ハ(2)（労働者の配置等の決定及び変更）、疑義応答集（事前面接）",
            new HashSet<Act> { Act.Interview, Act.Select, Act.Decide, Act.Approve, Act.Submit, Act.Instruct, Act.Order, Act.Assign, Act.Follow, Act.Other },
            new HashSet<Concept> { Concept.Placement, Concept.Selection }, Sufficing: new HashSet<Act> { Act.Interview, Act.Select },
            "受託者の作業者を発注者が面接・指名したり、配置や交代を決めたりすることは、労働者派遣と同じ扱いになります。",
            "Interviewing, choosing, placing or replacing the vendor's individual staff treats them as dispatched workers.",
            "個人ではなく体制で求めてください：必要な資格・経験年数、体制の人数、バックアップ体制を要件にし、要員の選定・配置・交代は受託者が行います（交代の際は通知を受ける）。",
            "Ask for a capability, not people: required qualifications and experience, team size, backup cover; the vendor chooses, places and replaces its staff (and tells you)."),
        new("integration", "告示第37号 第2条第2号（自己の業務として相手方から独立して処理）、疑義応答集（発注者の労働者との混在）",
            new HashSet<Act> { Act.Integrate, Act.Assign, Act.Follow, Act.Instruct, Act.Other },
            new HashSet<Concept> { Concept.Organisation }, Sufficing: new HashSet<Act> { Act.Integrate },
            "受託者の作業者を発注者の組織・チームに組み込み、発注者の社員と同様に働かせることは、独立した請負とはいえません。",
            "Placing the vendor's staff in the client's own team or organisation, working like its employees, is not independent outsourcing.",
            "受託者のチームとして独立した体制を求め、作業場所を共にする必要があれば理由を書き、現場の指示は受託者の責任者が行うこと、当社との窓口は責任者に一本化することを明記してください。",
            "Ask for the vendor's own team; if you must share a site, give the reason and state that the vendor's lead directs the work and is the single contact."),
    ];

    /// <summary>Every sentence of <paramref name="text"/> that breaks a criterion, once per criterion and sentence, in the text's order.</summary>
    /// <param name="english">The reader's language, for the reasons and suggestions (each sentence is read in its own language).</param>
    public static List<DisguisedContractingFinding> Check(string? text, bool english)
    {
        var findings = new List<DisguisedContractingFinding>();
        foreach (var sentence in Sentences(text))
        {
            var controls = Read(sentence);
            foreach (var rule in Rules)
                if (controls.Any(rule.BrokenBy))
                    findings.Add(new(rule.Code, sentence, english ? rule.ReasonEn : rule.ReasonJa, english ? rule.SuggestionEn : rule.SuggestionJa, rule.Criterion));
        }
        return findings;
    }

    /// <summary>What one sentence says about control, read in its language (Japanese when it has kana or kanji).</summary>
    public static IReadOnlyList<Control> Read(string sentence)
    {
        var normalised = sentence.Normalize(NormalizationForm.FormKC);
        return Japanese.IsMatch(normalised) ? JapaneseReader.Read(Morphology.Value.Parse(normalised)) : EnglishReader.Read(normalised);
    }

    /// <summary>How a sentence was read, for a person studying a miss.</summary>
    public static string Explain(string sentence)
    {
        var normalised = sentence.Normalize(NormalizationForm.FormKC);
        var controls = string.Join("; ", Read(sentence).Select(c => $"{c.Act} by {c.Controller} on-workers:{c.OnVendorWorkers} about:{string.Join(",", c.About)}{(c.Negated ? " negated" : "")}"));
        return Japanese.IsMatch(normalised) ? JapaneseReader.Describe(Morphology.Value.Parse(normalised)) + "\n  => " + controls : controls;
    }

    /// <summary>The one tagger of this process (it loads the dictionary once).</summary>
    private static readonly Lazy<MecabTagger> Morphology = new(() => new MecabTagger());

    /// <summary>Fails at once, with what to install, when MeCab or its dictionary is missing (the Api calls it at start).</summary>
    public static void EnsureReady() => _ = Read("当社が確認する。");

    private static readonly Regex Japanese = new(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", RegexOptions.CultureInvariant);

    /// <summary>Sentences end at 。！？, at . ! ? followed by a space, and at line breaks (lists are one item per line).</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : SentenceEnd.Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static readonly Regex SentenceEnd = new(@"(?<=[。！？])|(?<=[.!?])\s+|[\r\n]+", RegexOptions.CultureInvariant);
}
