namespace Marketplace.Core.Planning.Language;

/// <summary>Who a phrase of an RFP names: the client that writes it, the vendor it is addressed to, or neither.</summary>
public enum Party { None, Client, Vendor }

/// <summary>What an act of control is about, as the criteria of 昭和61年労働省告示第37号 list the employer's duties.</summary>
public enum Concept
{
    /// <summary>The work itself: its content, steps, order, priorities (業務の遂行方法).</summary>
    Work,
    /// <summary>Start and end of the working day, breaks, shifts (始業・終業、休憩).</summary>
    WorkingTime,
    /// <summary>Days off and leave (休日・休暇).</summary>
    Leave,
    /// <summary>Attendance: clocking in and out, lateness, absence (勤怠・出退勤).</summary>
    Attendance,
    /// <summary>Overtime and work on days off (時間外労働・休日労働).</summary>
    Overtime,
    /// <summary>Rules of conduct, dress, discipline (服務上の規律).</summary>
    Discipline,
    /// <summary>Who does the work: placement, replacement, more or fewer people (配置等の決定・変更).</summary>
    Placement,
    /// <summary>Choosing the individuals: interviews, CVs, nominations (事前面接・履歴書).</summary>
    Selection,
    /// <summary>How well each person works: evaluation, skills (業務の遂行に関する評価).</summary>
    Performance,
    /// <summary>Being one of the client's own: its team, department, organisation, alongside its staff (混在・組み込み).</summary>
    Organisation,
}

/// <summary>The kinds of act by which one party controls another's people.</summary>
/// <remarks><see cref="Other"/>: a predicate the lexicon does not know (休む, 変更する, keep): control only when it is the
/// client's over the vendor's people's hours, attendance, conduct or placement.</remarks>
public enum Act { Instruct, Supervise, Follow, Manage, Check, Approve, Decide, Order, Evaluate, Interview, Select, Submit, Assign, Integrate, Contact, Caution, Other }

/// <summary>
/// One act of control read from a sentence: what is done, by whom (the party in control, as far as the sentence
/// says), whether it is done to the vendor's people (its workers, or their hours, attendance, ...) and what about.
/// The rules decide which of these are disguised contracting.
/// </summary>
/// <param name="Negated">The sentence says it is not done ("作業者個人には行わない").</param>
public sealed record Control(Act Act, Party Controller, bool OnVendorWorkers, IReadOnlySet<Concept> About, bool Negated);
