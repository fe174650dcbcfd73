namespace Marketplace.Core.Rfps;

/// <summary>
/// How much time an addendum (変更) must leave the vendors (domain.md: enough time before the deadline to re-confirm;
/// EU Directive 2014/24 art. 47(3) and Prozorro extend the time limits the same way). An addendum that would leave less
/// moves the deadline later by itself, so that publishing a change is never refused for being late. Bound from
/// <c>Rfps:Addenda</c>.
/// </summary>
public sealed class AddendumOptions
{
    public const string Section = "Rfps:Addenda";

    /// <summary>The least time between an addendum and the proposal deadline.</summary>
    public TimeSpan MinimumProposalPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The least time between an addendum and the question deadline, so that vendors can ask about the change.</summary>
    public TimeSpan MinimumQuestionPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Both periods are positive and questions close first (an extended pair stays in order).</summary>
    public bool IsValid => MinimumQuestionPeriod > TimeSpan.Zero && MinimumQuestionPeriod < MinimumProposalPeriod;
}
