using System.Text.RegularExpressions;

namespace Marketplace.Core.Planning.Language;

/// <summary>
/// Reads who controls whom in an English sentence. People are recognised with their owner ("our team lead", "the
/// vendor's staff", "contractor personnel"); an act of control (instruct, supervise, approve, interview, order overtime,
/// ...) gets its controller from the sentence's grammar as far as it goes in a requirement: the agent of a passive ("set
/// by the client"), the source or the one reported to ("take direction from our team leader", "report to our
/// manager"), a possessive ("our approval", "at our discretion", "under the supervision of our IT manager"), else the
/// subject that comes before it. Words are compared by a rough stem (instructions, instructed → instruct).
/// </summary>
internal static partial class EnglishReader
{
    private enum Role { None, Organisation, Lead, Worker }

    private sealed record Word(string Text, string Stem);

    [GeneratedRegex(@"\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)\b|[a-z0-9][a-z0-9'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\btime[ -]sheet", RegexOptions.CultureInvariant)]
    private static partial Regex TimeSheet();

    private static readonly Dictionary<string, Act> ActWords = new()
    {
        ["instruct"] = Act.Instruct, ["instruction"] = Act.Instruct, ["direct"] = Act.Instruct, ["direction"] = Act.Instruct, ["tell"] = Act.Instruct,
        ["command"] = Act.Instruct, ["boss"] = Act.Instruct, ["brief"] = Act.Instruct, ["say"] = Act.Instruct,
        ["assign"] = Act.Assign, ["allocate"] = Act.Assign, ["move"] = Act.Assign, ["transfer"] = Act.Assign, ["reassign"] = Act.Assign,
        ["hand"] = Act.Assign, ["distribute"] = Act.Assign, ["delegate"] = Act.Assign, ["dispatch"] = Act.Assign,
        ["supervise"] = Act.Supervise, ["supervision"] = Act.Supervise, ["oversee"] = Act.Supervise, ["monitor"] = Act.Check,
        ["manage"] = Act.Manage, ["management"] = Act.Manage, ["control"] = Act.Manage,
        ["check"] = Act.Check, ["track"] = Act.Check, ["record"] = Act.Check, ["verify"] = Act.Check, ["log"] = Act.Check,
        ["approve"] = Act.Approve, ["approval"] = Act.Approve, ["permission"] = Act.Approve, ["authorise"] = Act.Approve, ["authorize"] = Act.Approve,
        ["consent"] = Act.Approve, ["sign"] = Act.Approve, ["sign-off"] = Act.Approve, ["pre-approve"] = Act.Approve,
        ["decide"] = Act.Decide, ["set"] = Act.Decide, ["fix"] = Act.Decide, ["determine"] = Act.Decide, ["specify"] = Act.Decide, ["schedule"] = Act.Decide,
        ["define"] = Act.Decide, ["roster"] = Act.Decide,
        ["discretion"] = Act.Decide, ["replace"] = Act.Decide, ["remove"] = Act.Decide, ["dismiss"] = Act.Decide, ["swap"] = Act.Decide, ["rotate"] = Act.Decide,
        ["order"] = Act.Order, ["require"] = Act.Order, ["demand"] = Act.Order,
        ["evaluate"] = Act.Evaluate, ["evaluation"] = Act.Evaluate, ["appraise"] = Act.Evaluate, ["appraisal"] = Act.Evaluate, ["rate"] = Act.Evaluate,
        ["assess"] = Act.Evaluate, ["score"] = Act.Evaluate, ["grade"] = Act.Evaluate, ["rank"] = Act.Evaluate,
        ["interview"] = Act.Interview,
        ["select"] = Act.Select, ["selection"] = Act.Select, ["choose"] = Act.Select, ["pick"] = Act.Select, ["nominate"] = Act.Select, ["vet"] = Act.Select,
        ["submit"] = Act.Submit,
        ["embed"] = Act.Integrate, ["integrate"] = Act.Integrate,
        ["comply"] = Act.Follow, ["follow"] = Act.Follow, ["obey"] = Act.Follow, ["subject"] = Act.Follow, ["adhere"] = Act.Follow, ["abide"] = Act.Follow,
        ["observe"] = Act.Follow, ["wear"] = Act.Follow,
        ["discipline"] = Act.Caution, ["disciplinary"] = Act.Caution,
    };

    private static readonly Dictionary<string, Concept> ConceptWords = new()
    {
        ["task"] = Concept.Work, ["work"] = Concept.Work, ["priority"] = Concept.Work, ["call"] = Concept.Work, ["job"] = Concept.Work,
        ["batch"] = Concept.Work, ["entry"] = Concept.Work, ["item"] = Concept.Work, ["ticket"] = Concept.Work, ["document"] = Concept.Work,
        ["visit"] = Concept.Work, ["delivery"] = Concept.Work, ["shipment"] = Concept.Work, ["translation"] = Concept.Work, ["picking"] = Concept.Work,
        ["hour"] = Concept.WorkingTime, ["shift"] = Concept.WorkingTime, ["break"] = Concept.WorkingTime, ["start"] = Concept.WorkingTime,
        ["finish"] = Concept.WorkingTime, ["day"] = Concept.WorkingTime, ["time"] = Concept.WorkingTime, ["lunch"] = Concept.WorkingTime, ["rota"] = Concept.WorkingTime,
        ["roster"] = Concept.WorkingTime, ["night"] = Concept.WorkingTime,
        ["leave"] = Concept.Leave, ["holiday"] = Concept.Leave, ["vacation"] = Concept.Leave, ["absence"] = Concept.Attendance, ["sick"] = Concept.Leave,
        ["attendance"] = Concept.Attendance, ["timesheet"] = Concept.Attendance, ["clock"] = Concept.Attendance, ["lateness"] = Concept.Attendance,
        ["arrive"] = Concept.Attendance, ["arrival"] = Concept.Attendance, ["depart"] = Concept.Attendance, ["departure"] = Concept.Attendance, ["late"] = Concept.Attendance,
        ["punctual"] = Concept.Attendance,
        ["overtime"] = Concept.Overtime, ["weekend"] = Concept.Overtime, ["extra"] = Concept.Overtime, ["on-call"] = Concept.Overtime,
        ["saturday"] = Concept.Overtime, ["sunday"] = Concept.Overtime,
        ["dress"] = Concept.Discipline, ["uniform"] = Concept.Discipline, ["disciplinary"] = Concept.Discipline, ["conduct"] = Concept.Discipline,
        ["behaviour"] = Concept.Discipline, ["behavior"] = Concept.Discipline,
        ["replace"] = Concept.Placement, ["move"] = Concept.Placement, ["assign"] = Concept.Placement,
        ["staffing"] = Concept.Placement, ["headcount"] = Concept.Placement, ["remove"] = Concept.Placement, ["removal"] = Concept.Placement,
        ["dismiss"] = Concept.Placement, ["swap"] = Concept.Placement, ["rotate"] = Concept.Placement,
        ["interview"] = Concept.Selection, ["cv"] = Concept.Selection, ["resume"] = Concept.Selection, ["select"] = Concept.Selection,
        ["pick"] = Concept.Selection, ["choose"] = Concept.Selection,
        ["performance"] = Concept.Performance, ["appraisal"] = Concept.Performance, ["rate"] = Concept.Performance, ["evaluate"] = Concept.Performance,
        ["score"] = Concept.Performance, ["grade"] = Concept.Performance, ["rank"] = Concept.Performance, ["rating"] = Concept.Performance,
        ["embed"] = Concept.Organisation, ["integrate"] = Concept.Organisation,
    };

    public static IReadOnlyList<Control> Read(string sentence)
    {
        var text = TimeSheet().Replace(sentence.ToLowerInvariant().Replace('’', '\''), "timesheet");
        var words = Words().Matches(text).Select(m => new Word(m.Value, Stem(m.Value))).ToList();
        var people = words.Select((w, i) => PersonAt(words, i)).ToList();
        // A negation negates what follows it closely ("does not assign", "never interviews"), not the whole sentence.
        bool NegatedAt(int i) => words.Skip(Math.Max(0, i - 3)).Take(Math.Min(3, i)).Any(w => w.Text is "not" or "never" or "no" or "without" or "doesn't" or "don't"
            or "won't" or "cannot" or "can't" or "nor");
        var about = words.Select((w, i) => ConceptWords.TryGetValue(w.Stem, out var concept) && !ServiceWindow(words, i) && !WorkAsModifier(words, i) ? concept : (Concept?)null)
            .OfType<Concept>().ToHashSet();
        if (Phrase(words, "stay", "late") || Phrase(words, "work", "late") || Phrase(words, "stay", "behind")) about.Add(Concept.Overtime);
        // Rules of conduct (work rules, house rules, rules of conduct), not any rules (data retention rules).
        if (Phrase(words, "work", "rules") || Phrase(words, "house", "rules") || Phrase(words, "employment", "rules") || Phrase(words, "rules", "of", "conduct")
            || Phrase(words, "workplace", "rules"))
            about.Add(Concept.Discipline);
        if (words.Any(w => w.Text.Contains(':') || w.Text.EndsWith("am", StringComparison.Ordinal) && char.IsDigit(w.Text[0]) || w.Text.EndsWith("pm", StringComparison.Ordinal) && char.IsDigit(w.Text[0])))
            about.Add(Concept.WorkingTime); // "from 9:00 to 18:00"
        // "like our own employees", "part of our department", "as one of our team": being made one of the client's own.
        // The client's own organisation (our team, our department; not "our department head"), or being made one of it (like our own employees, part of our …).
        if (words.Select((w, i) => (w, i)).Any(x => x.w.Stem is "team" or "department" or "organisation" or "organization" or "division" or "unit" or "group"
                && words.Skip(Math.Max(0, x.i - 3)).Take(Math.Min(3, x.i)).Any(o => o.Text == "our")
                && !(x.i + 1 < words.Count && LeadStems.Contains(words[x.i + 1].Stem)))
            || Phrase(words, "like", "our") || Phrase(words, "part", "of", "our") || Phrase(words, "as", "our") || Phrase(words, "alongside", "our")
            || Phrase(words, "members", "of", "our") || Phrase(words, "member", "of", "our") || Phrase(words, "one", "of", "our") || Phrase(words, "same", "as", "our"))
            about.Add(Concept.Organisation);
        // The vendor's people when the sentence names them; and hours, leave, attendance, overtime, conduct and placement
        // are always someone's: named by nobody ("working hours are set by the client"), the vendor's.
        var clientStaffNamed = people.Any(p => p is (Role.Worker, Party.Client))
            || words.Select((w, i) => (w, i)).Any(x => x.w.Stem is "department" or "team" or "division" or "unit" && x.i > 0 && words.Skip(Math.Max(0, x.i - 3)).Take(Math.Min(3, x.i)).Any(o => o.Text == "our"));
        var onWorkers = people.Any(p => p is (Role.Worker, not Party.Client)) || !clientStaffNamed && about.Overlaps(Lexicon.AboutPeople);
        var controls = new List<Control>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!ActWords.TryGetValue(words[i].Stem, out var act)) continue;
            if (act == Act.Follow && !FollowsControl(words, i)) continue; // following a procedure or a policy is no one's control
            if (words[i].Stem == "hand" && i + 1 < words.Count && words[i + 1].Text is "in") continue; // "hand out" work, not "hand in" a report
            if (words[i].Stem == "sign" && (i + 1 >= words.Count || words[i + 1].Text is not "off")) continue; // "sign off", not "sign in"
            if (words[i].Stem == "require" && !Overtime(words)) continue; // requiring skills or reports is no control of people; requiring overtime is
            controls.Add(new Control(act, ControllerOf(words, people, i), onWorkers, about, NegatedAt(i)));
        }
        // Giving someone work, tasks or instructions: "our staff give the day's tasks to the vendor's agents".
        for (var i = 0; i < words.Count; i++)
            if (words[i].Stem is "give" && words.Skip(i + 1).Take(5).Any(w => w.Stem is "task" or "work" or "instruction" or "order" or "job"))
                controls.Add(new Control(Act.Instruct, ControllerOf(words, people, i), onWorkers, about, NegatedAt(i)));
        // Asking the vendor's people to do something ("we can ask the contractor's workers to come in on Saturdays") is ordering them.
        for (var i = 0; i < words.Count; i++)
            if (words[i].Stem is "ask" or "request" or "expect" or "call"
                && Enumerable.Range(i + 1, Math.Max(0, Math.Min(words.Count, i + 7) - i - 1)).Any(k => people[k] is (Role.Worker, not Party.Client) && k + 1 < words.Count && words[k + 1].Text == "to"))
                controls.Add(new Control(Act.Order, ControllerOf(words, people, i), onWorkers, about, NegatedAt(i)));
        // Taking direction, tasks or instructions from someone, reporting to or asking someone: that someone controls.
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Stem is "take" or "receive" or "get" or "ask" or "report" && PartyAfter(words, people, i, words[i].Stem is "report" ? "to" : null) is { } party)
                controls.Add(new Control(words[i].Stem is "report" or "ask" or "get" ? Act.Follow : Act.Instruct, party, onWorkers, about, NegatedAt(i)));
        }
        if (about.Contains(Concept.Organisation) && Phrase(words, "our") && onWorkers)
            controls.Add(new Control(Act.Integrate, Party.Client, onWorkers, about, false));
        // A sentence whose predicate the lexicon does not know still says something about whoever it names as its subject.
        if (controls.Count == 0)
            controls.Add(new Control(Act.Other, ControllerOf(words, people, words.Count), onWorkers, about, words.Any(w => w.Text is "not" or "never" or "no")));
        return controls;
    }

    /// <summary>"follow our instructions", "comply with our dress code", "subject to our disciplinary rules": rules of conduct or orders, not procedures.</summary>
    private static bool FollowsControl(List<Word> words, int i) =>
        words.Skip(i + 1).Take(6).Any(w => w.Stem is "instruction" or "direction" or "order" or "dress" or "disciplinary" or "conduct" or "uniform" or "supervision"
            or "behaviour" or "behavior" or "hour" or "time" or "break" or "shift" or "schedule")
        || Phrase(words, "work", "rules") || Phrase(words, "house", "rules");

    /// <summary>"work" in "working hours", "work rules", "working day": a modifier of hours or rules, not the work itself.</summary>
    private static bool WorkAsModifier(List<Word> words, int i) =>
        words[i].Stem == "work" && i + 1 < words.Count && words[i + 1].Stem is "hour" or "day" or "time" or "rule" or "week" or "schedule" or "shift" or "pattern";

    /// <summary>"service hours", "business hours", "opening hours": when a service is there, not when anyone works.</summary>
    private static bool ServiceWindow(List<Word> words, int i) =>
        words[i].Stem is "hour" or "time" or "day" && i > 0 && words[i - 1].Stem is "service" or "business" or "opening" or "support" or "operating" or "office"
            or "response" or "resolution" or "delivery" or "turnaround" or "lead";

    private static bool Overtime(List<Word> words) =>
        words.Any(w => w.Stem is "overtime" or "weekend" or "on-call" or "night") || Phrase(words, "on", "call") || Phrase(words, "extra", "hours");

    private static bool Phrase(List<Word> words, params string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
            if (phrase.Select((p, k) => words[i + k].Text == p).All(x => x)) return true;
        return false;
    }

    /// <summary>The party right after the word (or after <paramref name="preposition"/>): "from our team lead", "to our manager", "ask our team lead".</summary>
    private static Party? PartyAfter(List<Word> words, List<(Role Role, Party Party)?> people, int i, string? preposition)
    {
        var end = Math.Min(words.Count, i + 10);
        for (var k = i + 1; k < end; k++)
        {
            if (words[k].Text is "from" or "to" or "by" && (preposition is null || words[k].Text == preposition))
                for (var j = k + 1; j < Math.Min(words.Count, k + 6); j++)
                    if (people[j] is ({ } role, { } party) && role != Role.Worker || people[j] is (Role.Worker, Party.Client)) return people[j]!.Value.Party == Party.None ? null : people[j]!.Value.Party;
            if (preposition is null && words[i].Stem == "ask" && people[k] is (Role.Lead or Role.Organisation, Party.Client)) return Party.Client;
        }
        return null;
    }

    private static Party ControllerOf(List<Word> words, List<(Role Role, Party Party)?> people, int i)
    {
        // What is followed belongs to someone: "comply with our dress code", "follow the vendor's own rules".
        if (i < words.Count && ActWords.TryGetValue(words[i].Stem, out var act) && act == Act.Follow)
            for (var k = i + 1; k < Math.Min(words.Count, i + 9); k++)
            {
                if (words[k].Text is "our" or "client's") return Party.Client;
                if (words[k].Text is "vendor's" or "contractor's" or "its" or "their") return Party.Vendor;
            }
        // A passive's agent: "set by the client", "directed by our department heads", "decided by us".
        for (var k = i + 1; k < Math.Min(words.Count, i + 8); k++)
            if (words[k].Text == "by")
                for (var j = k + 1; j < Math.Min(words.Count, k + 6); j++)
                {
                    if (people[j] is ({ } role, { } party) && (role != Role.Worker || party == Party.Client)) return party;
                    if (words[j].Text is "us" or "we") return Party.Client;
                }
        // "our approval", "at our discretion", "our management", "the client's instructions".
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            if (words[k].Text is "our") return Party.Client;
            if (words[k].Text is "client's" or "client") return Party.Client;
            if (words[k].Text is "vendor's" or "contractor's" or "supplier's" or "provider's" or "its" or "their") return Party.Vendor;
            if (words[k].Text is "the" or "a" or "an" or "for" or "at" or "under" or "of" or "prior" or "daily" or "direct" or "written") continue;
            break;
        }
        // "the supervision of our IT manager", "the direction of the vendor's lead".
        if (i + 1 < words.Count && words[i + 1].Text == "of")
            for (var j = i + 2; j < Math.Min(words.Count, i + 6); j++)
                if (people[j] is ({ } role, { } party) && role != Role.Worker) return party;
        // The nearest subject before it (a person or an organisation, not a worker): "…at our office, where the vendor's supervisor directs them".
        for (var k = Math.Min(i, words.Count) - 1; k >= 0; k--)
            if (people[k] is ({ } role, { } party) && (role != Role.Worker || party == Party.Client))
                return party;
            else if (words[k].Text is "we") return Party.Client;
            // "us" is an object ("gives us notice when it replaces…"), but "let us interview", "to us for approval" put the client in control.
            else if (words[k].Text is "us" && k > 0 && words[k - 1].Text is "let" or "to" or "for" or "by") return Party.Client;
            // "it", "they": the organisation the sentence named first ("The vendor gives us notice when it replaces a member").
            else if (words[k].Text is "it" or "they" && people.FirstOrDefault(p => p is (Role.Organisation, _)) is (Role.Organisation, var named)) return named;
            // "Our editor will tell…": whoever "our" names, the client's, when it is the subject of what follows.
            else if (words[k].Text is "our" && words.Skip(k + 1).Take(Math.Min(i, words.Count) - k - 1).Any(w => w.Text is "will" or "must" or "shall" or "can" or "may"
                         or "should" or "would" or "is" or "are"))
                return Party.Client;
        return Party.None;
    }

    private static readonly HashSet<string> WorkerStems = ["staff", "personnel", "worker", "employee", "engineer", "operator", "agent", "member", "resource", "individual",
        "consultant", "technician", "specialist", "developer", "people", "headcount", "analyst", "driver", "clerk", "representative", "rep", "associate", "programmer", "tester",
        "person", "merchandiser", "installer", "cleaner", "guard", "courier", "picker", "packer", "loader", "advisor", "adviser", "caller", "assistant", "receptionist",
        "crew", "translator", "editor", "writer", "designer", "interpreter", "auditor", "accountant", "nurse", "trainer", "labourer", "laborer", "temp", "crewmember",
        "anyone", "everyone", "someone", "whoever"];

    private static readonly HashSet<string> LeadStems = ["lead", "leader", "manager", "supervisor", "coordinator", "contact", "head", "director", "pm", "controller", "cio",
        "cto", "cfo", "ceo", "officer", "boss", "foreman", "chief", "superintendent", "hr", "office", "desk"];

    private static readonly HashSet<string> OrganisationStems = ["vendor", "contractor", "supplier", "provider", "outsourcer", "client", "company", "buyer"];

    /// <summary>Words an owner never reaches across ("our staff will check the vendor's…": "will" ends "our"'s reach).</summary>
    private static readonly HashSet<string> Boundaries = ["will", "must", "shall", "may", "can", "should", "would", "to", "by", "from", "with", "and", "or", "for", "on", "in",
        "at", "is", "are", "be", "was", "were", "who", "that", "which", "than", "when", "before", "after", "if", "as", "not"];

    /// <summary>A word shaped like someone who does something (a packer, an auditor, a specialist, a trainee).</summary>
    private static bool AgentNoun(string stem) => stem.Length > 4 && (stem.EndsWith("er", StringComparison.Ordinal) || stem.EndsWith("or", StringComparison.Ordinal)
        || stem.EndsWith("ist", StringComparison.Ordinal) || stem.EndsWith("ant", StringComparison.Ordinal) || stem.EndsWith("ian", StringComparison.Ordinal)
        || stem.EndsWith("ee", StringComparison.Ordinal));

    /// <summary>"the vendor's X", "contractor X", "its X": a word owned by the vendor, so a person-shaped one is its worker.</summary>
    private static bool OwnedByVendor(List<Word> words, int i) =>
        words.Skip(Math.Max(0, i - 2)).Take(Math.Min(2, i)).Any(w => w.Stem is "vendor" or "contractor" or "supplier" or "provider" || w.Text is "its" or "their");

    /// <summary>A person (or an organisation) at word <paramref name="i"/> with its owner, or null.</summary>
    private static (Role Role, Party Party)? PersonAt(List<Word> words, int i)
    {
        var word = words[i];
        var role = LeadStems.Contains(word.Stem) ? Role.Lead
            : WorkerStems.Contains(word.Stem) || AgentNoun(word.Stem) && OwnedByVendor(words, i) ? Role.Worker
            : OrganisationStems.Contains(word.Stem) ? Role.Organisation
            : word.Stem == "team" && (i + 1 >= words.Count || words[i + 1].Stem is not ("lead" or "leader" or "member")) ? Role.Worker
            : Role.None;
        if (role == Role.None) return null;
        // A word naming a party that is used as a modifier of a person ("vendor staff", "contractor's engineers") is that person's owner.
        if (role == Role.Organisation && i + 1 < words.Count && PersonAt(words, i + 1) is (Role.Worker or Role.Lead, _) && !OrganisationStems.Contains(words[i + 1].Stem))
            return null;
        if (role == Role.Organisation)
            return (role, word.Stem is "client" or "company" or "buyer" ? Party.Client : Party.Vendor);
        // Its owner, a few words back: "our floor managers", "the vendor's on-site agents", "each of the contractor's engineers".
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            var owner = words[k];
            if (owner.Text is "our" or "ours" or "client's" || owner.Stem is "client") return (role, Party.Client);
            if (owner.Stem is "vendor" or "contractor" or "supplier" or "provider" or "outsourcer" or "outsourced" || owner.Text is "its" or "their")
                return (role, Party.Vendor);
            if (Boundaries.Contains(owner.Text) && !(owner.Text == "of" && k > 0 && words[k - 1].Text is "each" or "any" or "all" or "one")) break;
        }
        return (role, Party.None);
    }

    /// <summary>A rough stem: plural and verb endings off, so that instructions, instructed and instructing compare as instruct.</summary>
    private static string Stem(string word)
    {
        var w = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
        foreach (var (suffix, keep) in new[] { ("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "") })
        {
            if (w.Length < suffix.Length + 2 || !w.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = w[..^suffix.Length] + keep;
            if (ActWords.ContainsKey(stem) || ConceptWords.ContainsKey(stem) || IsPersonStem(stem) || suffix == "s" && AgentNoun(stem)) return stem;
            if (ActWords.ContainsKey(stem + "e") || ConceptWords.ContainsKey(stem + "e")) return stem + "e"; // approved → approve
            if (stem.Length > 2 && stem[^1] == stem[^2] && ActWords.ContainsKey(stem[..^1])) return stem[..^1]; // embedded → embed
        }
        return w;
    }

    private static bool IsPersonStem(string stem) => WorkerStems.Contains(stem) || LeadStems.Contains(stem) || OrganisationStems.Contains(stem);
}
