namespace Marketplace.Core.Planning.Language;

/// <summary>
/// Reads who controls whom in a Japanese sentence, from MeCab's words. Nouns are joined into compounds (当社担当者,
/// 勤怠管理), and a compound is what it ends with (Japanese compounds are head-final: 管理者 is a person, 勤怠管理 an
/// act). "A の B" makes A the owner of B (受託者の作業者, 当社の指示); a party followed by が, は, から, より, による,
/// において (or で) is an agent. Each act of control gets its controller (the act's owner, else the nearest agent
/// before it, else the RFP's own voice: the client, unless the sentence names the vendor), whether it falls on the
/// vendor's workers, what it is about, and whether the sentence negates it.
/// </summary>
internal static class JapaneseReader
{
    private enum Role { None, Organisation, Lead, Worker }

    private sealed class Chunk
    {
        public required int Clause { get; init; }
        public required string Text { get; init; }
        public required bool IsVerb { get; init; }
        /// <summary>The compound's last word when it is a suffix (者 of 翻訳者, 長 of 倉庫長, 員 of 警備員).</summary>
        public string? Suffix { get; init; }
        /// <summary>The particles right after it ("が", "の", "からの", "による"...).</summary>
        public string After { get; set; } = "";
        public Party OwnParty { get; set; }
        public Role Role { get; set; }
        public bool OwnStaff { get; set; }
        /// <summary>"A の B": A is B's owner; "A からの B" and "A による B": A acts in B; "A への B", "A との B": B falls on A.</summary>
        public Chunk? Owner { get; set; }
        public Chunk? Recipient { get; set; }
        public HashSet<Concept> Concepts { get; } = [];
        public List<Act> Acts { get; } = [];
    }

    /// <summary>The chunks as read (for a person studying a miss).</summary>
    public static string Describe(IReadOnlyList<Morpheme> words) => string.Join(" | ", Chunks(words, out var negated).Select(c =>
        $"{c.Clause}:{c.Text}{(c.IsVerb ? "(v)" : "")}[{c.After}] {c.Role}/{PartyOf(c)}{(c.Owner is null ? "" : " of " + c.Owner.Text)}{(c.Recipient is null ? "" : " to " + c.Recipient.Text)}"
        + $" {string.Join(",", c.Concepts)} {string.Join(",", c.Acts)}")) + $" negated:{string.Join(",", negated)}";

    public static IReadOnlyList<Control> Read(IReadOnlyList<Morpheme> words)
    {
        var chunks = Chunks(words, out var negatedClauses);
        // A sentence that names no one of the vendor's side speaks in the RFP's voice: its writer, the client.
        var vendorNamed = chunks.Any(c => PartyOf(c) == Party.Vendor && c.Role is Role.Organisation or Role.Lead);
        // A clause whose predicate the lexicon does not know still says something: its verb stands for an unknown act.
        foreach (var clause in chunks.Select(c => c.Clause).Distinct().ToList())
            if (!chunks.Any(c => c.Clause == clause && c.Acts.Count > 0) && chunks.LastOrDefault(c => c.Clause == clause && c.IsVerb) is { } predicate)
                predicate.Acts.Add(Act.Other);
        var controls = new List<Control>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            foreach (var act in chunk.Acts)
            {
                var controller = ControllerOf(chunks, i) ?? (vendorNamed ? Party.None : Party.Client);
                var onWorkers = OnVendorWorkers(chunks, i, negatedClauses);
                var about = AboutOf(chunks, i);
                controls.Add(new Control(act, controller, onWorkers, about, negatedClauses.Contains(chunk.Clause)));
            }
        }
        return controls;
    }

    private static List<Chunk> Chunks(IReadOnlyList<Morpheme> words, out HashSet<int> negatedClauses)
    {
        var chunks = new List<Chunk>();
        negatedClauses = [];
        var clause = 0;
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i];
            if (word.IsNoun || word.Surface is "・" or "／" && chunks.Count > 0 && i + 1 < words.Count && words[i + 1].IsNoun)
            {
                var text = "";
                while (i < words.Count && (words[i].IsNoun || words[i].Surface is "・" or "／" && i + 1 < words.Count && words[i + 1].IsNoun))
                    text += words[i++].Surface;
                var last = words[i - 1];
                var noun = new Chunk { Clause = clause, Text = text, IsVerb = false, Suffix = last.Subtype is "接尾" || last.Surface is "者" ? last.Surface : null };
                Classify(noun);
                chunks.Add(noun);
            }
            else if (word.IsVerb || word is { PartOfSpeech: "連体詞", BaseForm: "同じ" })
            {
                var verb = new Chunk { Clause = clause, Text = word.BaseForm, IsVerb = true };
                foreach (var (form, act) in Lexicon.ActVerbsJa)
                    if (word.BaseForm == form) verb.Acts.Add(act);
                foreach (var (form, concept) in Lexicon.ConceptVerbsJa)
                    if (word.BaseForm == form) verb.Concepts.Add(concept);
                chunks.Add(verb);
                i++;
            }
            else
            {
                if (word.IsParticle && chunks.Count > 0) chunks[^1].After += word.Surface;
                else if (word.PartOfSpeech is "助動詞" && chunks.Count > 0 && word.BaseForm is "よる") chunks[^1].After += word.Surface;
                if (IsNegation(words, i)) negatedClauses.Add(clause);
                if (ClauseEnds(words, i)) clause++;
                i++;
            }
        }
        // Following someone's order (当社の部長の命令に従って; MeCab reads に従って as one particle) is being directed by them.
        foreach (var chunk in chunks)
            if (chunk.After.StartsWith("に従", StringComparison.Ordinal) && chunk.Acts.Contains(Act.Order) && !chunk.Acts.Contains(Act.Follow))
                chunk.Acts.Add(Act.Follow);
        // "による"/"により" split as に + よる (verb): the verb's surface belongs to the particle.
        for (var k = 0; k + 1 < chunks.Count; k++)
            if (chunks[k].After.EndsWith('に') && chunks[k + 1].IsVerb && chunks[k + 1].Text == "よる")
                chunks[k].After += "よる";
        Link(chunks);
        return chunks;
    }

    /// <summary>A predicate negated (行わない, 求めない); "AではなくB" contrasts and negates nothing.</summary>
    private static bool IsNegation(IReadOnlyList<Morpheme> words, int i) =>
        words[i] is { IsAuxiliary: true, BaseForm: "ない" or "ぬ" or "ん" }
        || words[i] is { PartOfSpeech: "形容詞", BaseForm: "ない" } && i > 0 && (words[i - 1].IsVerb || words[i - 1].IsAuxiliary);

    /// <summary>
    /// A clause ends at a conjunctive particle (て, ば) and at a comma after a predicate or a subordinate noun (ため,
    /// 場合, 際); a comma after a noun or a case particle (作業者へ、) goes on with the same clause.
    /// </summary>
    private static bool ClauseEnds(IReadOnlyList<Morpheme> words, int i)
    {
        var word = words[i];
        if (word is { IsParticle: true, Subtype: "接続助詞" }) return true;
        if (!word.IsComma || i == 0) return false;
        var before = words[i - 1];
        return before.IsVerb || before.IsAuxiliary || before.PartOfSpeech is "形容詞"
               || before.Surface is "ため" or "場合" or "際" or "とき" or "よう" or "上" or "うえ" or "後" or "前";
    }

    /// <summary>Words that follow a person without changing who it is (作業者ごと, 作業者一人ひとり, 作業者個人).</summary>
    private static readonly string[] Distributives = ["一人ひとり", "一人一人", "ひとりひとり", "ごと", "毎", "全員", "個人", "個々", "各自", "たち", "達", "等", "など", "側"];

    private static string WithoutDistributive(string text)
    {
        foreach (var tail in Distributives)
            if (text.Length > tail.Length && text.EndsWith(tail, StringComparison.Ordinal)) return text[..^tail.Length];
        return text;
    }

    private static void Classify(Chunk chunk)
    {
        var text = WithoutDistributive(chunk.Text);
        foreach (var word in Lexicon.ClientJa)
            if (text.Contains(word, StringComparison.Ordinal)) chunk.OwnParty = Party.Client;
        foreach (var word in Lexicon.VendorJa)
            if (text.Contains(word, StringComparison.Ordinal)) chunk.OwnParty = Party.Vendor;
        // What the compound is, by its last word; a contact or a lead named in it makes it a lead (窓口担当者, 業務責任者).
        var person = Suffix(text, Lexicon.LeadsJa) is { } lead ? (Role.Lead, lead.Length)
            : Suffix(text, Lexicon.WorkersJa) is { } named && Lexicon.LeadsJa.Any(l => l.Length > 1 && text.Contains(l, StringComparison.Ordinal)
                && !Lexicon.ClientTitlesJa.Contains(l)) ? (Role.Lead, named.Length)
            : Suffix(text, Lexicon.WorkersJa) is { } worker ? (Role.Worker, worker.Length)
            : Suffix(text, Lexicon.OwnStaffJa) is { } staff ? (Role.Worker, staff.Length)
            // Any compound a person suffix ends (翻訳者, 警備員, 運転手, 作業する者) is a person; 長 makes a lead (倉庫長, 店長).
            : chunk.Suffix is "長" && text.Length > 1 ? (Role.Lead, 1)
            : chunk.Suffix is "者" or "員" or "手" or "士" or "係" or "陣" && !Lexicon.NotWorkersJa.Any(w => text.EndsWith(w, StringComparison.Ordinal)) ? (Role.Worker, 1)
            // A katakana word for someone who does something (テスター, デザイナー, プランナー), not a thing (センター, サーバー).
            : Lexicon.KatakanaPeopleEndingsJa.Any(e => text.EndsWith(e, StringComparison.Ordinal)) && !Lexicon.KatakanaThingsJa.Any(t => text.EndsWith(t, StringComparison.Ordinal))
                ? (Role.Worker, 2)
            : (Role.None, 0);
        var party = Suffix(text, Lexicon.ClientJa) ?? Suffix(text, Lexicon.VendorJa);
        if (person.Item1 != Role.None && (party is null || person.Item2 >= party.Length))
        {
            chunk.Role = person.Item1;
            chunk.OwnStaff = Suffix(text, Lexicon.OwnStaffJa) is not null && Suffix(text, Lexicon.WorkersJa) is null && Suffix(text, Lexicon.LeadsJa) is null;
            return;
        }
        if (party is not null)
        {
            chunk.Role = Role.Organisation;
            return;
        }
        if (chunk.Suffix is "部" or "課" or "室" or "班" && text.Length > 1) chunk.Concepts.Add(Concept.Organisation); // 開発部, 品質管理課: a unit of an organisation
        foreach (var (word, concept) in Lexicon.ConceptsJa)
            if (text.Contains(word, StringComparison.Ordinal) && !Lexicon.ConceptsJa.Any(c => c.Word.Length > word.Length && c.Word.Contains(word, StringComparison.Ordinal)
                    && text.Contains(c.Word, StringComparison.Ordinal)))
                chunk.Concepts.Add(concept); // 休日 inside 休日出勤 is overtime, not leave
        // A compound that names a service or a record (監視業務, 勤怠管理システム, 確認票) names no act of control.
        if (!Lexicon.ServicesJa.Any(w => text.EndsWith(w, StringComparison.Ordinal)))
            foreach (var (word, act) in Lexicon.ActNounsJa)
                if (text.Contains(word, StringComparison.Ordinal) && !chunk.Acts.Contains(act) && !SubsumedBy(text, word)) chunk.Acts.Add(act);
        if (Lexicon.UnderJa.Contains(text)) chunk.Acts.Add(Act.Follow);
    }

    /// <summary>指揮 inside 指揮命令 is not a second act; 評価 inside 人事評価 neither.</summary>
    private static bool SubsumedBy(string text, string word) =>
        Lexicon.ActNounsJa.Any(a => a.Word.Length > word.Length && a.Word.Contains(word, StringComparison.Ordinal) && text.Contains(a.Word, StringComparison.Ordinal));

    private static string? Suffix(string text, IEnumerable<string> words) =>
        words.Where(w => text.EndsWith(w, StringComparison.Ordinal)).OrderByDescending(w => w.Length).FirstOrDefault();

    /// <summary>"A の B", "A からの B", "A による B": owner; "A への B", "A との B", "A に対する B": recipient.</summary>
    private static void Link(List<Chunk> chunks)
    {
        for (var k = 0; k + 1 < chunks.Count; k++)
        {
            var (a, b) = (chunks[k], chunks[k + 1]);
            if (b.IsVerb) continue;
            switch (a.After)
            {
                case "の" or "からの" or "よりの":
                    b.Owner = a;
                    break;
                case "による":
                    b.Owner ??= a; // 当社による面接 (but 当社の要請により作業者が: "により" says how, it owns nothing)
                    break;
                case "への" or "との" or "に対する" or "に対しての":
                    b.Recipient = a;
                    break;
            }
        }
    }

    /// <summary>
    /// The party a phrase stands for: its own word, else its owner's (受託者の責任者); named bare, 社員 and the client's
    /// titles (課長, 人事部) are the client's, and a lead (責任者, リーダー) is the vendor's.
    /// </summary>
    private static Party PartyOf(Chunk chunk)
    {
        for (var c = chunk; c is not null; c = c.Owner)
            if (c.OwnParty != Party.None) return c.OwnParty;
        if (chunk.OwnStaff) return Party.Client;
        if (chunk.Role == Role.Lead && chunk.Owner is null)
            return Lexicon.ClientTitlesJa.Any(t => WithoutDistributive(chunk.Text).EndsWith(t, StringComparison.Ordinal)) ? Party.Client : Party.Vendor;
        return Party.None;
    }

    /// <summary>A worker of the vendor (or of nobody named): not the client's own people, and not a lead.</summary>
    private static bool IsVendorWorker(Chunk chunk) => chunk.Role == Role.Worker && PartyOf(chunk) != Party.Client;

    /// <summary>A phrase that can act: an organisation, a lead, or one of the client's own people.</summary>
    private static Party? AgentParty(Chunk chunk)
    {
        if (chunk.Role is Role.None) return null;
        var party = PartyOf(chunk);
        if (chunk.Role == Role.Worker && party != Party.Client) return null; // workers are acted on
        return party == Party.None ? null : party;
    }

    private static readonly string[] AgentMarks = ["が", "は", "から", "より", "による", "により", "において", "にて", "では", "で", "からは", "としては"];

    private static Party? ControllerOf(List<Chunk> chunks, int index)
    {
        var act = chunks[index];
        // Joining someone's organisation, or working alongside its staff as one of them, puts its owner in control
        // (当社のチームに組み込まれ, 当社の部署に配属, 当社社員と混在して).
        if (act.Acts.Any(a => a is Act.Integrate or Act.Assign))
            foreach (var chunk in chunks.Where(c => c.Clause == act.Clause))
                if (chunk.Concepts.Contains(Concept.Organisation) && PartyOf(chunk) == Party.Client
                    || chunk.After.StartsWith('と') && AgentParty(chunk) == Party.Client)
                    return Party.Client;
        // Submitting or reporting to someone puts that someone in control (履歴書を当社に提出, 当社の担当者に連絡).
        if (act.Acts.Any(a => a is Act.Submit or Act.Contact))
            for (var k = index - 1; k >= 0 && chunks[k].Clause == act.Clause; k--)
                if (AgentParty(chunks[k]) is { } recipient && (chunks[k].After.StartsWith('に') || chunks[k].After.StartsWith('へ'))) return recipient;
        // 当社の指示, 当社による面接, 当社からの依頼: the act's own owner.
        if (act.Owner is { } owner && AgentParty(owner) is { } ownParty) return ownParty;
        if (act.Owner?.Owner is { } ownerOfOwner && AgentParty(ownerOfOwner) is { } party2 && act.Owner.Role == Role.None) return party2; // 当社の判断の下
        // Following something (当社の部長の命令に従う, 当社の定めに従う): whoever it belongs to is in control.
        if (act.IsVerb && act.Acts.Contains(Act.Follow))
            for (var k = index - 1; k >= 0 && chunks[k].Clause == act.Clause; k--)
                if (chunks[k].After.StartsWith('に'))
                {
                    for (var whose = chunks[k].Owner; whose is not null; whose = whose.Owner)
                        if (AgentParty(whose) is { } followed) return followed;
                    break;
                }
        // The agent of its own clause, before it then after it (…、作業者への指示は受託者が行う), then the nearest before its clause.
        for (var k = index - 1; k >= 0 && chunks[k].Clause == act.Clause; k--)
            if (IsAgent(chunks[k]) is { } party && !InRelativeClause(chunks, k)) return party;
        for (var k = index + 1; k < chunks.Count && chunks[k].Clause == act.Clause; k++)
            if (IsAgent(chunks[k]) is { } party) return party;
        for (var k = index - 1; k >= 0; k--)
            if (chunks[k].Clause != act.Clause && IsAgent(chunks[k]) is { } party && !InRelativeClause(chunks, k)) return party;
        return null;
    }

    /// <summary>
    /// "受託者が提示した候補者": a subject inside a clause that describes a noun is that clause's, not the sentence's
    /// (the verb right after it is followed by the noun it describes). 場合, 際, こと and the like head the whole sentence.
    /// </summary>
    private static bool InRelativeClause(List<Chunk> chunks, int k)
    {
        if (!chunks[k].After.StartsWith('が')) return false;
        for (var j = k + 1; j < Math.Min(chunks.Count - 1, k + 4); j++)
            if (chunks[j].IsVerb)
                return !chunks[j + 1].IsVerb && chunks[j].Acts.Count == 0 && chunks[j + 1].Acts.Count == 0
                       && chunks[j + 1].Text is not ("場合" or "際" or "とき" or "ため" or "こと" or "よう" or "上" or "うえ" or "限り");
        return false;
    }

    private static Party? IsAgent(Chunk chunk)
    {
        if (AgentParty(chunk) is not { } party) return null;
        var marks = chunk.Role == Role.Organisation ? AgentMarks : AgentMarks.Where(m => m is not ("で" or "では")).ToArray();
        return marks.Any(m => chunk.After.StartsWith(m, StringComparison.Ordinal) && !(m == "で" && chunk.After.StartsWith("での", StringComparison.Ordinal)))
            ? party : null;
    }

    private static bool OnVendorWorkers(List<Chunk> chunks, int index, HashSet<int> negatedClauses)
    {
        var act = chunks[index];
        // Said to the vendor's lead (受託者の窓口担当者に伝え): not to its workers, unless they are named in the same clause.
        var toLead = chunks.Take(index).Any(c => c.Clause == act.Clause && c.Role == Role.Lead && PartyOf(c) != Party.Client
                                                && (c.After.StartsWith('に') || c.After.StartsWith('へ')));
        if (act.Owner is { } owner && IsVendorWorker(owner) || act.Recipient is { } recipient && IsVendorWorker(recipient)) return true;
        if (act.Owner?.Owner is { } deeper && IsVendorWorker(deeper)) return true; // 作業者の勤怠の管理
        foreach (var chunk in chunks)
        {
            if (!IsVendorWorker(chunk) && !(chunk.Owner is { } o && IsVendorWorker(o))) continue;
            if (negatedClauses.Contains(chunk.Clause)) continue; // 作業者個人には行わない
            if (toLead && chunk.Clause != act.Clause) continue;
            // In its clause or the one it follows from (作業員の技能を評価して配置を決める), or the sentence's subject; for
            // directing, anywhere in the sentence (…作業の進捗を確認し、遅れがあれば指導する).
            if (chunk.Clause == act.Clause || chunk.Clause == act.Clause - 1) return true;
            if (chunk.After.StartsWith('は') || chunk.After.StartsWith('が')) return true;
            if (act.Acts.Any(a => a is Act.Instruct or Act.Supervise or Act.Assign)) return true;
        }
        // An interview before someone starts the work (配属前に当社の面接を受ける) is of the vendor's people, unless it names applicants.
        if (act.Acts.Contains(Act.Interview) && chunks.Any(c => Lexicon.StartingWorkJa.Any(w => c.Text.Contains(w, StringComparison.Ordinal)))
            && !chunks.Any(c => Lexicon.ApplicantsJa.Any(a => c.Text.Contains(a, StringComparison.Ordinal))))
            return true;
        // Hours, leave, attendance, overtime, conduct and placement are always someone's: named by nobody, the vendor's
        // (for an act the lexicon knows: an unknown predicate over nobody named says nothing of control).
        return !act.Acts.Contains(Act.Other) && AboutOf(chunks, index).Overlaps(Lexicon.AboutPeople)
               && !chunks.Any(c => c.Role == Role.Worker && PartyOf(c) == Party.Client);
    }

    /// <summary>
    /// What the act is about: its own compound's concepts and those of its clause (not the client's own people's:
    /// 当社社員の勤怠); when its clause names none, those of the clause before, unless the vendor acts there.
    /// </summary>
    private static IReadOnlySet<Concept> AboutOf(List<Chunk> chunks, int index)
    {
        var act = chunks[index];
        var about = new HashSet<Concept>(act.Concepts);
        ConceptsOf(act.Clause);
        if (about.Count == 0 && act.Clause > 0 && !chunks.Any(c => c.Clause == act.Clause - 1 && IsAgent(c) == Party.Vendor)) ConceptsOf(act.Clause - 1);
        if (about.Count == 0 && !chunks.Any(c => c.Clause == act.Clause + 1 && IsAgent(c) == Party.Vendor)) ConceptsOf(act.Clause + 1); // 確認を受けてから入力を確定する
        if (about.Contains(Concept.Leave) && about.Contains(Concept.Attendance)) about.Add(Concept.Overtime); // 休日の出勤 is work on a day off
        return about;

        void ConceptsOf(int clause)
        {
            foreach (var chunk in chunks.Where(c => c.Clause == clause))
                if (!(chunk.Owner is { Role: Role.Worker } owner && PartyOf(owner) == Party.Client))
                    about.UnionWith(chunk.Concepts);
        }
    }
}
