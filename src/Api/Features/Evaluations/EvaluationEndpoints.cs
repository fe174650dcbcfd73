using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Rfps;

namespace Marketplace.Api.Features.Evaluations;

/// <summary>
/// The client's evaluation of an RFP's proposals once the deadline has passed (decision 0015): procurement sets the
/// panel (evaluators, blind mode); each evaluator scores every conforming proposal on each axis (1-5 with a comment)
/// and submits; the submitted scores meet in the consensus view, where procurement records a consensus per axis with a
/// reason; the comparison puts it all side by side, with CSV and Excel exports. Everything answers 404 while sealed.
/// One file per operation.
/// </summary>
public static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var leads = EvaluationAccess.LeadRoles;
        var readers = EvaluationAccess.ReaderRoles;
        RouteHandlerBuilder Owned(RouteHandlerBuilder route) => route.RequireOwned<RouteHandlerBuilder, Rfp>("rfpId");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation", GetEvaluation.HandleAsync).RequireMember(null, readers)).WithName("GetEvaluation")
            .WithSummary("The evaluation: panel, blind mode, what each evaluator has scored, the axes and the proposals; 404 while sealed");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation", SetEvaluationPanel.HandleAsync).RequireMember(null, leads)).Validate<SetEvaluationPanelRequest>()
            .WithName("SetEvaluationPanel").WithSummary("Assign the evaluators and set blind mode; starts the evaluation; 409 when it would undo a submitted scorecard");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation/scorecard", GetMyScorecard.HandleAsync).RequireMember(null, readers)).WithName("GetMyScorecard")
            .WithSummary("The caller's scorecard: the conforming proposals, the axes and the caller's scores; 403 unless assigned");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation/scorecard", SaveScore.HandleAsync).RequireMember(null, readers)).Validate<SaveScoreRequest>()
            .WithName("SaveScore").WithSummary("Score one proposal on one axis (1-5, with a comment); 403 unless assigned; 409 once submitted");
        Owned(rfps.MapPost("/{rfpId:guid}/evaluation/scorecard/submit", SubmitScorecard.HandleAsync).RequireMember(null, readers)).WithName("SubmitScorecard")
            .WithSummary("Submit the scorecard: 400 naming every missing score; final afterwards, and the others' scores become visible");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation/consensus", GetConsensus.HandleAsync).RequireMember(null, readers)).WithName("GetConsensus")
            .WithSummary("Per proposal and axis: each submitted score, mean, spread, disagreement, the consensus; 403 for an evaluator who has not submitted");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation/consensus", RecordConsensus.HandleAsync).RequireMember(null, leads)).Validate<RecordConsensusRequest>()
            .WithName("RecordConsensus").WithSummary("Record the consensus score of one proposal on one axis, with the reason");
        Owned(rfps.MapGet("/{rfpId:guid}/comparison", GetProposalComparison.HandleAsync).RequireMember(null, readers)).WithName("GetProposalComparison")
            .WithSummary("The proposals side by side: axis scores, weighted total and rank, KPI commitments, fees, the best per row");
        Owned(rfps.MapGet("/{rfpId:guid}/comparison/export", ExportProposalComparison.HandleAsync).RequireMember(null, leads)).WithName("ExportProposalComparison")
            .WithSummary("The comparison as a file: format=csv (UTF-8 with BOM) or xlsx (with the scores and flags); audited")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: ComparisonExport.XlsxType);
        return api;
    }
}
