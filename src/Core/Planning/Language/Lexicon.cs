namespace Marketplace.Core.Planning.Language;

/// <summary>
/// The words the readers recognise, by what they name. Japanese entries match inside compound nouns as MeCab joins
/// them (当社担当者, 勤怠管理); English entries are matched on lower-cased word stems.
/// </summary>
internal static class Lexicon
{
    // The client, which writes the RFP. 自社 is left out: in "受託者は自社の規程で" it is the vendor.
    public static readonly string[] ClientJa = ["当社", "弊社", "発注者", "発注元", "発注側", "委託者", "委託元", "甲", "当方", "我が社", "わが社", "当行", "当法人", "当院", "当組合", "当機構"];

    public static readonly string[] VendorJa = ["受託者", "受注者", "委託先", "請負人", "請負者", "請負事業者", "受託事業者", "受託会社", "委託業者", "請負業者", "乙", "ベンダー", "貴社", "御社", "サービス提供者"];

    /// <summary>People who work (a worker when they are the vendor's or nobody's; the client's own staff otherwise).</summary>
    public static readonly string[] WorkersJa = ["作業者", "作業員", "要員", "従業員", "労働者", "技術者", "エンジニア", "オペレーター", "オペレータ", "スタッフ", "担当者",
        "人員", "メンバー", "常駐者", "派遣者", "従事者", "人材", "プログラマ", "作業担当", "アナリスト", "コンサルタント", "ドライバー", "作業スタッフ", "ワーカー", "作業要員", "本人"];

    /// <summary>Compounds a person suffix ends that are not someone who works (the client's customers, applicants, third parties).</summary>
    public static readonly string[] NotWorkersJa = ["応募者", "候補者", "求職者", "利用者", "対象者", "第三者", "消費者", "申請者", "来訪者", "来客者", "当事者", "関係者",
        "受託者", "受注者", "委託者", "発注者", "請負者", "事業者", "提供者", "契約者", "加入者", "顧客", "社会保険労務士", "税理士", "弁護士"];

    /// <summary>Endings of katakana words for people who do something (テスター, デザイナー, プランナー, ワーカー, ドライバー).</summary>
    public static readonly string[] KatakanaPeopleEndingsJa = ["ター", "ナー", "ラー", "ダー", "カー", "バー", "ヤー", "パー", "スト", "アン"];

    /// <summary>Katakana things that end like people (センター, サーバー, カレンダー) and people that are not workers (ユーザー, パートナー).</summary>
    public static readonly string[] KatakanaThingsJa = ["センター", "コンピューター", "カウンター", "プリンター", "サーバー", "ルーター", "モニター", "フィルター", "ポスター",
        "カレンダー", "メーカー", "ユーザー", "パートナー", "スキャナー", "ブラウザー", "コントローラー", "ヘッダー", "フッター", "レター", "フォルダー", "カバー", "ナンバー",
        "リスト", "コスト", "テスト", "ホスト", "ポスト", "マスター", "データ", "エラー", "カラー", "ロッカー", "ステッカー", "バナー", "セミナー", "マナー", "ライセンス"];

    /// <summary>Bare, these are the client's own people (an RFP says 社員 of its own staff); the vendor's when it says so.</summary>
    public static readonly string[] OwnStaffJa = ["社員", "職員", "正社員"];

    /// <summary>
    /// Those who lead. A lead named without an owner is the vendor's (an RFP names its own people 当社の…), except the
    /// client's own titles and departments (<see cref="ClientTitlesJa"/>).
    /// </summary>
    public static readonly string[] LeadsJa = ["責任者", "リーダー", "窓口", "管理者", "管理職", "統括", "マネージャー", "マネジャー", "監督者", "代表者", "スーパーバイザー",
        "課長", "部長", "係長", "主任", "上長", "役員", "人事部", "人事", "情報システム部", "経理部", "総務部", "チームリーダー", "ＰＭ", "PM", "所長", "班長", "職長", "本部長"];

    /// <summary>Leads that, named bare, are the client's own (its departments and its managers' titles).</summary>
    public static readonly string[] ClientTitlesJa = ["課長", "部長", "係長", "主任", "役員", "人事部", "人事", "情報システム部", "経理部", "総務部", "所長", "本部長"];

    public static readonly (string Word, Concept Concept)[] ConceptsJa =
    [
        ("作業内容", Concept.Work), ("作業手順", Concept.Work), ("優先順位", Concept.Work), ("進め方", Concept.Work), ("作業状況", Concept.Work), ("作業", Concept.Work),
        ("業務", Concept.Work), ("タスク", Concept.Work), ("開発", Concept.Work), ("進捗", Concept.Work), ("仕事", Concept.Work), ("目標", Concept.Performance),
        ("順番", Concept.Work), ("順序", Concept.Work), ("手順", Concept.Work), ("入力", Concept.Work), ("処理", Concept.Work),
        ("配車", Concept.Work), ("配送", Concept.Work), ("ルート", Concept.Work), ("修正", Concept.Work), ("改善", Concept.Work),
        ("勤務時間", Concept.WorkingTime), ("就業時間", Concept.WorkingTime), ("作業時間", Concept.WorkingTime), ("労働時間", Concept.WorkingTime),
        ("始業", Concept.WorkingTime), ("終業", Concept.WorkingTime), ("休憩", Concept.WorkingTime), ("昼休み", Concept.WorkingTime), ("休み時間", Concept.WorkingTime),
        ("シフト", Concept.WorkingTime), ("出社", Concept.WorkingTime), ("退社", Concept.WorkingTime), ("勤務日", Concept.WorkingTime), ("勤務形態", Concept.WorkingTime),
        ("勤務", Concept.WorkingTime), ("時間帯", Concept.WorkingTime), ("在席", Concept.WorkingTime), ("時刻", Concept.WorkingTime),
        ("休日出勤", Concept.Overtime), ("休日労働", Concept.Overtime), ("残業", Concept.Overtime), ("時間外", Concept.Overtime), ("早出", Concept.Overtime),
        ("深夜勤務", Concept.Overtime), ("超過勤務", Concept.Overtime), ("延長勤務", Concept.Overtime), ("居残り", Concept.Overtime),
        ("休日", Concept.Leave), ("休暇", Concept.Leave), ("有給", Concept.Leave), ("有休", Concept.Leave), ("年休", Concept.Leave), ("休み", Concept.Leave), ("休職", Concept.Leave),
        ("勤怠", Concept.Attendance), ("出退勤", Concept.Attendance), ("出勤", Concept.Attendance), ("退勤", Concept.Attendance), ("タイムカード", Concept.Attendance),
        ("遅刻", Concept.Attendance), ("欠勤", Concept.Attendance), ("早退", Concept.Attendance), ("点呼", Concept.Attendance), ("出欠", Concept.Attendance),
        ("打刻", Concept.Attendance), ("出社状況", Concept.Attendance), ("出退社", Concept.Attendance),
        ("就業規則", Concept.Discipline), ("服務", Concept.Discipline), ("服装", Concept.Discipline), ("身だしなみ", Concept.Discipline), ("規律", Concept.Discipline),
        ("懲戒", Concept.Discipline), ("態度", Concept.Discipline), ("素行", Concept.Discipline), ("言動", Concept.Discipline), ("マナー", Concept.Discipline),
        ("作業服", Concept.Discipline), ("制服", Concept.Discipline), ("ユニフォーム", Concept.Discipline), ("行動規範", Concept.Discipline),
        ("配置", Concept.Placement), ("配属", Concept.Placement), ("人選", Concept.Placement), ("交代", Concept.Placement), ("交替", Concept.Placement),
        ("入れ替え", Concept.Placement), ("増員", Concept.Placement), ("減員", Concept.Placement), ("異動", Concept.Placement), ("担当替え", Concept.Placement),
        ("差し替え", Concept.Placement), ("解任", Concept.Placement), ("ローテーション", Concept.Placement),
        ("面接", Concept.Selection), ("面談", Concept.Selection), ("履歴書", Concept.Selection), ("経歴書", Concept.Selection), ("スキルシート", Concept.Selection),
        ("選考", Concept.Selection), ("選定", Concept.Selection), ("指名", Concept.Selection), ("採否", Concept.Selection), ("職務経歴", Concept.Selection),
        ("人事評価", Concept.Performance), ("評価", Concept.Performance), ("査定", Concept.Performance), ("考課", Concept.Performance), ("能力", Concept.Performance),
        ("スキル", Concept.Performance), ("技能", Concept.Performance), ("達成度", Concept.Performance), ("採点", Concept.Performance), ("格付け", Concept.Performance),
        ("担当業務", Concept.Placement), ("夜間", Concept.Overtime), ("座席", Concept.Organisation), ("従事", Concept.Placement),
        ("組織", Concept.Organisation), ("チーム", Concept.Organisation), ("部署", Concept.Organisation), ("部門", Concept.Organisation), ("一員", Concept.Organisation),
        ("混在", Concept.Organisation), ("職場", Concept.Organisation), ("配下", Concept.Organisation),
    ];

    /// <summary>Concepts that are always about someone's people: when the client controls one, they are the vendor's unless the sentence says whose.</summary>
    public static readonly HashSet<Concept> AboutPeople = [Concept.WorkingTime, Concept.Leave, Concept.Attendance, Concept.Overtime, Concept.Discipline, Concept.Placement];

    /// <summary>Acts named by a noun (サ変名詞 and the like), found inside compounds (作業指示, 勤怠管理).</summary>
    public static readonly (string Word, Act Act)[] ActNounsJa =
    [
        ("指揮命令", Act.Instruct), ("指揮", Act.Instruct), ("指示", Act.Instruct), ("命令", Act.Order), ("指図", Act.Instruct), ("指導", Act.Instruct),
        ("指令", Act.Instruct), ("采配", Act.Instruct), ("差配", Act.Instruct), ("統制", Act.Supervise),
        ("割り当て", Act.Assign), ("割当", Act.Assign), ("割り振り", Act.Assign), ("割振", Act.Assign), ("振り分け", Act.Assign), ("配分", Act.Assign), ("依頼", Act.Instruct),
        ("監督", Act.Supervise), ("監視", Act.Supervise),
        ("管理", Act.Manage), ("把握", Act.Check), ("記録", Act.Check), ("確認", Act.Check), ("点呼", Act.Check), ("チェック", Act.Check),
        ("承認", Act.Approve), ("許可", Act.Approve), ("了承", Act.Approve), ("承諾", Act.Approve),
        ("決定", Act.Decide), ("指定", Act.Decide), ("判断", Act.Decide), ("定め", Act.Decide), ("作成", Act.Decide), ("編成", Act.Decide), ("設定", Act.Decide),
        ("変更", Act.Decide), ("都合", Act.Decide), ("判定", Act.Evaluate),
        ("要請", Act.Order),
        ("評価", Act.Evaluate), ("査定", Act.Evaluate), ("考課", Act.Evaluate), ("採点", Act.Evaluate), ("格付け", Act.Evaluate),
        ("面接", Act.Interview), ("面談", Act.Interview),
        ("選定", Act.Select), ("指名", Act.Select), ("人選", Act.Select), ("選考", Act.Select),
        ("提出", Act.Submit), ("配属", Act.Assign), ("配置", Act.Assign), ("異動", Act.Assign),
        ("混在", Act.Integrate), ("一員", Act.Integrate), ("同様", Act.Integrate),
        ("連絡", Act.Contact), ("報告", Act.Contact), ("申請", Act.Contact), ("注意", Act.Caution), ("指揮下", Act.Follow),
    ];

    /// <summary>Heads of compounds that name a service or a record, not an act (監視業務, 勤怠管理システム, 確認票).</summary>
    public static readonly string[] ServicesJa = ["業務", "サービス", "代行", "支援", "システム", "ツール", "データ", "表", "票", "書", "報告書", "台帳", "記録簿", "帳票"];

    /// <summary>Verbs that name a concept (休む: to take leave).</summary>
    public static readonly (string Word, Concept Concept)[] ConceptVerbsJa = [("休む", Concept.Leave)];

    /// <summary>Acts named by a verb's (or an adnominal's) base form.</summary>
    public static readonly (string Word, Act Act)[] ActVerbsJa =
    [
        // 受ける is not here: 指示を受ける is the 指示's act, and 提出を受ける, 報告を受ける are not control.
        ("従う", Act.Follow), ("仰ぐ", Act.Follow), ("合わせる", Act.Follow), ("守る", Act.Follow),
        ("命じる", Act.Order), ("命ずる", Act.Order),
        ("決める", Act.Decide), ("定める", Act.Decide),
        ("割り当てる", Act.Assign), ("割り振る", Act.Assign), ("振り分ける", Act.Assign), ("組み込む", Act.Integrate), ("選ぶ", Act.Select), ("外す", Act.Assign),
        ("伝える", Act.Instruct), ("与える", Act.Instruct), ("同じ", Act.Integrate), ("隣る", Act.Integrate), ("並ぶ", Act.Integrate),
        ("求める", Act.Order),
        // Causing someone to do something (従事させる, 対応させる): the causer assigns them.
        ("せる", Act.Assign), ("させる", Act.Assign),
    ];

    /// <summary>People a client interviews of its own (recruiting administration is outsourced work, not control of the vendor's staff).</summary>
    public static readonly string[] ApplicantsJa = ["応募者", "候補者", "求職者", "採用", "学生", "新卒", "中途"];

    /// <summary>Words that put an interview before someone starts the work (配属前に当社の面接を受ける): the interviewees are the vendor's.</summary>
    public static readonly string[] StartingWorkJa = ["配属", "着任", "参画", "従事", "作業開始", "業務開始", "常駐", "受け入れ", "受入", "着手", "稼働"];

    /// <summary>"のもと", "の下" after a party: working under it.</summary>
    public static readonly string[] UnderJa = ["もと", "下", "配下"];

    public static readonly string[] ClientEn = ["we", "us", "our", "ours", "client", "client's", "company's", "buyer", "purchaser"];

    public static readonly string[] VendorEn = ["vendor", "vendor's", "contractor", "contractor's", "supplier", "supplier's", "provider", "provider's", "outsourcer",
        "outsourced", "their", "its"];

    public static readonly string[] WorkersEn = ["staff", "personnel", "worker", "employee", "engineer", "operator", "agent", "member", "resource", "individual",
        "consultant", "technician", "specialist", "developer", "people", "team", "headcount"];

    public static readonly string[] LeadsEn = ["lead", "leader", "manager", "supervisor", "coordinator", "contact", "head", "director", "hr", "pm"];
}
