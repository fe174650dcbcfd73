using Marketplace.Core.Rfps;

namespace Marketplace.Core.Tests;

public sealed class RfpLifeCycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly AddendumOptions Periods = new();

    private static Rfp InState(RfpStatus status)
    {
        var rfp = new Rfp(Guid.NewGuid(), new RfpContent { Title = "t", QuestionDeadline = Now.AddDays(10), ProposalDeadline = Now.AddDays(20) }, Now);
        if (status == RfpStatus.Draft) return rfp;
        rfp.Publish(Now);
        if (status == RfpStatus.Cancelled) rfp.Cancel("理由", Now);
        if (status is RfpStatus.Published or RfpStatus.Cancelled) return rfp;
        rfp.Close(Now);
        if (status == RfpStatus.Closed) return rfp;
        rfp.StartEvaluation(Now);
        if (status == RfpStatus.Evaluating) return rfp;
        rfp.Award(Now);
        return rfp;
    }

    public static TheoryData<RfpStatus, string, bool> Moves()
    {
        var data = new TheoryData<RfpStatus, string, bool>();
        var allowed = new Dictionary<string, RfpStatus[]>
        {
            ["edit"] = [RfpStatus.Draft],
            ["publish"] = [RfpStatus.Draft],
            ["addendum"] = [RfpStatus.Published],
            ["close"] = [RfpStatus.Published],
            ["evaluate"] = [RfpStatus.Closed],
            ["award"] = [RfpStatus.Evaluating],
            ["cancel"] = [RfpStatus.Published, RfpStatus.Closed, RfpStatus.Evaluating],
        };
        foreach (var status in Enum.GetValues<RfpStatus>())
            foreach (var (move, from) in allowed)
                data.Add(status, move, from.Contains(status));
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_is_allowed_only_from_its_states(RfpStatus status, string move, bool allowed)
    {
        var rfp = InState(status);
        Assert.Equal(status, rfp.Status);
        Action act = move switch
        {
            "edit" => () => rfp.EditDraft(new RfpContent { Title = "u" }, Now),
            "publish" => () => rfp.Publish(Now),
            "addendum" => () => rfp.PublishAddendum(rfp.Content with { Title = "v2" }, "件名を変更", Now, Periods),
            "close" => () => rfp.Close(Now),
            "evaluate" => () => rfp.StartEvaluation(Now),
            "award" => () => rfp.Award(Now),
            _ => () => rfp.Cancel("理由", Now),
        };
        if (allowed) act();
        else
        {
            Assert.Throws<IllegalRfpTransitionException>(act);
            Assert.Equal(status, rfp.Status); // a refused move changes nothing
        }
    }

    [Fact]
    public void Publishing_freezes_version_1_and_the_rules_report_every_problem()
    {
        var rfp = new Rfp(Guid.NewGuid(), new RfpContent { Title = "給与計算の委託" }, Now);
        var version = rfp.Publish(Now);
        Assert.Equal((1, "給与計算の委託"), (version.Number, version.Content.Title));

        var problems = RfpPublishing.Problems(new RfpContent
        {
            QuestionDeadline = Now.AddDays(5),
            ProposalDeadline = Now.AddDays(3),
            EvaluationAxes = [new EvaluationAxisWeight("cost", 50)],
        }, Now);
        var fields = problems.Select(p => p.Field).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("kpis", fields);
        Assert.Contains(problems, p => p.Field == "questionDeadline" && Marketplace.Core.Texts.TextCatalogue.In("en", p.Text).Contains("before the proposal deadline"));
        Assert.Contains(problems, p => p.Field == "evaluationAxes" && Marketplace.Core.Texts.TextCatalogue.In("ja", p.Text).Contains("現在 50"));
        Assert.DoesNotContain(problems, p => p.Field == "proposalDeadline"); // in the future: fine
    }

    [Fact]
    public void An_addendum_is_the_next_version_with_its_summary_and_may_keep_a_question_deadline_that_has_passed()
    {
        var rfp = new Rfp(Guid.NewGuid(), new RfpContent
        {
            Title = "給与計算の委託", QuestionDeadline = Now.AddDays(2), ProposalDeadline = Now.AddDays(20), Visibility = "public",
        }, Now);
        rfp.Publish(Now);
        var second = rfp.PublishAddendum(rfp.Content with { Title = "給与計算・年末調整の委託" }, "  年末調整を追加  ", Now, Periods);
        Assert.Equal((2, "年末調整を追加", 2), (second.Number, second.ChangeSummary, rfp.Version));

        // Three days on, the question deadline has passed: kept as it was, it is no problem; moved, it must be in the future.
        var later = Now.AddDays(3);
        Assert.DoesNotContain(RfpPublishing.Problems(rfp.Content, later, published: rfp.Content), p => p.Field == "questionDeadline");
        Assert.Contains(RfpPublishing.Problems(rfp.Content with { QuestionDeadline = Now.AddDays(1) }, later, published: rfp.Content), p => p.Field == "questionDeadline");
        Assert.Contains(RfpPublishing.Problems(rfp.Content with { Visibility = "invited" }, later, published: rfp.Content), p => p.Field == "visibility");
        Assert.True(rfp.Content.SameAs(rfp.Content with { ScopeIn = [] }));
        Assert.False(rfp.Content.SameAs(rfp.Content with { ScopeIn = ["年末調整"] }));
    }

    [Fact]
    public void A_published_deadline_only_moves_later_and_an_addendum_leaves_the_minimum_periods()
    {
        var (questions, proposals) = (Now.AddDays(5), Now.AddDays(7));
        var rfp = new Rfp(Guid.NewGuid(), new RfpContent { Title = "給与計算の委託", QuestionDeadline = questions, ProposalDeadline = proposals }, Now);
        rfp.Publish(Now);

        // Earlier is refused, by the rules people read and by the entity itself, and changes nothing.
        var earlier = rfp.Content with { ProposalDeadline = Now.AddMinutes(1) };
        Assert.Contains(RfpPublishing.Problems(earlier, Now, published: rfp.Content), p => p.Field == "proposalDeadline" && Marketplace.Core.Texts.TextCatalogue.In("ja", p.Text).Contains("早められません"));
        var refused = Assert.Throws<RfpDeadlineMovedEarlierException>(() => rfp.PublishAddendum(earlier, "締切を早める", Now, Periods));
        Assert.Equal(("proposalDeadline", proposals), (refused.Field, refused.Current));
        Assert.Equal((1, proposals), (rfp.Version, rfp.Content.ProposalDeadline));
        Assert.Throws<RfpDeadlineMovedEarlierException>(() => rfp.PublishAddendum(rfp.Content with { QuestionDeadline = questions.AddHours(-1) }, "質問締切を早める", Now, Periods));
        Assert.Contains(RfpPublishing.Problems(rfp.Content with { QuestionDeadline = questions.AddHours(-1) }, Now, published: rfp.Content), p => p.Field == "questionDeadline");

        // Six days on, an addendum that keeps the deadlines leaves three days before proposals close and one for questions.
        // (At 09:00:30 both land on the next whole minute.)
        var sixDaysOn = Now.AddDays(6).AddSeconds(30);
        rfp.PublishAddendum(rfp.Content with { Title = "給与計算・年末調整の委託" }, "年末調整を追加", sixDaysOn, Periods);
        Assert.Equal(Now.AddDays(9).AddMinutes(1), rfp.Content.ProposalDeadline);
        Assert.Equal(Now.AddDays(7).AddMinutes(1), rfp.Content.QuestionDeadline);
        // A deadline already far enough away stays where the client put it.
        var farther = sixDaysOn.AddDays(30);
        rfp.PublishAddendum(rfp.Content with { Title = "給与計算の委託（改）", ProposalDeadline = farther }, "締切を延長", sixDaysOn, Periods);
        Assert.Equal(farther, rfp.Content.ProposalDeadline);
    }

    [Fact]
    public void The_addendum_periods_must_keep_questions_closing_first()
    {
        Assert.True(new AddendumOptions().IsValid);
        Assert.False(new AddendumOptions { MinimumQuestionPeriod = TimeSpan.FromDays(3) }.IsValid);
        Assert.False(new AddendumOptions { MinimumQuestionPeriod = TimeSpan.Zero }.IsValid);
    }
}
