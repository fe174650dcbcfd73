using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Rfps;

public sealed record LabelDto(string Code, string Label);

public sealed record AxisDto(string Code, string Label, int DefaultWeight);

/// <param name="AddendumMinimumProposalHours">The least time an addendum leaves before proposals close (a closer deadline moves later).</param>
/// <param name="AddendumMinimumQuestionHours">The same for questions.</param>
public sealed record RfpVocabularyDto(IReadOnlyList<LabelDto> Readiness, IReadOnlyList<AxisDto> Axes, int AddendumMinimumProposalHours, int AddendumMinimumQuestionHours);

public static class GetRfpVocabulary
{
    public static Ok<RfpVocabularyDto> Handle(IOptions<AddendumOptions> addenda)
    {
        return TypedResults.Ok(new RfpVocabularyDto(
            ReadinessChecklist.Items.Select(code => new LabelDto(code, ReadinessChecklist.Label(code).ToString())).ToList(),
            EvaluationAxes.All.Select(a => new AxisDto(a.Code, EvaluationAxes.Label(a.Code).ToString(), a.DefaultWeight)).ToList(),
            (int)Math.Ceiling(addenda.Value.MinimumProposalPeriod.TotalHours), (int)Math.Ceiling(addenda.Value.MinimumQuestionPeriod.TotalHours)));
    }
}
