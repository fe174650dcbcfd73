using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;

namespace Marketplace.Api.Features.Rfps;

/// <summary>Shape and limits of an RFP's content; completeness is checked only when publishing (a draft may be half written).</summary>
public sealed class RfpContentValidator : AbstractValidator<RfpContent>
{
    public const int TextMaxLength = 4000;
    public const int ListMax = 50;
    private const int RowMax = 30;

    public RfpContentValidator()
    {
        RuleFor(x => x.Title).Must(t => t is null || t.Trim().Length <= 200).WithMessage(_ => TextCatalogue.Say("rfp.validation.titleMax"));
        foreach (var (name, select) in new (string, Func<RfpContent, string?>)[]
                 {
                     ("purpose", x => x.Purpose), ("background", x => x.Background), ("currentState", x => x.CurrentState),
                     ("responsibilityBoundary", x => x.ResponsibilityBoundary), ("communication", x => x.Communication),
                     ("transitionPlan", x => x.TransitionPlan), ("securityRequirements", x => x.SecurityRequirements),
                 })
            RuleFor(x => select(x)).Must(t => t is null || t.Length <= TextMaxLength).OverridePropertyName(name)
                .WithMessage(_ => TextCatalogue.Say("rfp.validation.textMax", new { max = TextMaxLength }));
        RuleFor(x => x.ScopeIn).Must(ShortList).WithMessage(_ => ListMessage());
        RuleFor(x => x.ScopeOut).Must(ShortList).WithMessage(_ => ListMessage());
        // A row may be half filled in a draft (publishing lists what is missing); what is there must fit.
        RuleFor(x => x.Kpis).Must(k => k is null || k.Length <= RowMax && k.All(t => t is not null))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.kpiRows", new { max = RowMax }));
        RuleForEach(x => x.Kpis).ChildRules(k =>
        {
            k.RuleFor(x => x.Metric).MaxChars("rfp.kpiMetric", 200);
            k.RuleFor(x => x.Unit).MaxChars("rfp.kpiUnit", 50);
            k.RuleFor(x => x.Target).InRange("rfp.kpiTarget", -KpiTarget.TargetMax, KpiTarget.TargetMax);
            k.RuleFor(x => x.Direction).OneOf("rfp.kpiDirection", KpiTarget.Directions, optional: true);
        });
        foreach (var (name, select) in new (string, System.Linq.Expressions.Expression<Func<RfpContent, IEnumerable<ExpectedVolume>>>)[]
                 { ("currentVolumes", x => x.CurrentVolumes), ("expectedVolumes", x => x.ExpectedVolumes) })
        {
            RuleFor(select).Must(v => v is null || v.Count() <= RowMax && v.All(x => x is not null)).OverridePropertyName(name)
                .WithMessage(_ => TextCatalogue.Say("rfp.validation.volumeRows", new { max = RowMax }));
            RuleForEach(select).ChildRules(v =>
            {
                v.RuleFor(x => x.Item).MaxChars("rfp.volumeItem", 200);
                v.RuleFor(x => x.Unit).MaxChars("rfp.volumeUnit", 50);
                v.RuleFor(x => x.MonthlyQuantity).InRange("rfp.monthlyQuantity", 0, ExpectedVolume.MonthlyQuantityMax);
            });
        }
        RuleFor(x => x.RequiredCertifications).Must(c => c is null || c.All(CertificationTypes.Codes.Contains) && c.Distinct().Count() == c.Length)
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.certifications", new { codes = CertificationTypes.Codes }));
        RuleFor(x => x.Visibility).Must(v => v is "public" or "invited").WithMessage(_ => TextCatalogue.Say("rfp.validation.visibility"));
        RuleFor(x => x.EvaluationAxes).Must(a => a is not null && a.All(x => x is not null) && a.Length == EvaluationAxes.All.Count
                && a.Select(x => x.Code).Order().SequenceEqual(EvaluationAxes.All.Select(x => x.Code).Order()) && a.All(x => x.Weight is >= 0 and <= 100))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.axes"));
        RuleFor(x => x.Regions).Must(r => r is null || r.All(x => x is not null && VendorVocabulary.Regions.ContainsKey(x)))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.region"));
        RuleFor(x => x.Languages).Must(l => l is null || l.All(x => x is not null && VendorVocabulary.Languages.ContainsKey(x)))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.language"));
        RuleFor(x => x.ReadinessDone).Must(r => r is null || r.All(x => x is not null && ReadinessChecklist.Codes.Contains(x)))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.readiness"));
        RuleFor(x => x.ContractTermMonths).Must(m => m is null or >= 1 and <= 120).WithMessage(_ => TextCatalogue.Say("rfp.validation.contractTerm"));
        RuleFor(x => x.ParallelRunWeeks).Must(w => w is null or >= 0 and <= 104).WithMessage(_ => TextCatalogue.Say("rfp.validation.parallelRun"));
        RuleFor(x => x.BudgetMinYen).Must(y => y is null or >= 0 and <= 1_000_000_000_000).WithMessage(_ => TextCatalogue.Say("rfp.validation.budget"));
        RuleFor(x => x.BudgetMaxYen).Must(y => y is null or >= 0 and <= 1_000_000_000_000).WithMessage(_ => TextCatalogue.Say("rfp.validation.budget"))
            .Must((x, max) => x.BudgetMinYen is null || max is null || x.BudgetMinYen <= max).WithMessage(_ => TextCatalogue.Say("rfp.validation.budgetOrder"));
        RuleFor(x => x.ClientIndustry).Must(i => i is null || i.Trim().Length <= 100).WithMessage(_ => TextCatalogue.Say("rfp.validation.industry"));
        RuleFor(x => x.ClientSize).Must(c => c is null || VendorVocabulary.ClientSizes.ContainsKey(c))
            .WithMessage(_ => TextCatalogue.Say("rfp.validation.clientSize", new { sizes = VendorVocabulary.ClientSizes.Keys }));
        RuleFor(x => x.ServiceIds).Must(s => s is null || s.Length <= 20).WithMessage(_ => TextCatalogue.Say("rfp.validation.services"));
    }

    // JSON may send null for any list: null reads as empty (Normalised), a null item is an error.
    private static bool ShortList(string[] items) => items is null || items.Length <= ListMax && items.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= 500);

    private static string ListMessage() => TextCatalogue.Say("rfp.validation.list", new { max = ListMax });
}
