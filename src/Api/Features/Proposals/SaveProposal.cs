using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>Shape and limits; completeness is checked when submitting (a working copy may be half written).</summary>
public sealed class ProposalContentValidator : AbstractValidator<ProposalContent>
{
    public const long MaxYen = 100_000_000_000;

    public ProposalContentValidator()
    {
        const int text = 4000;
        // Sections sent as null (rather than left out) would leave nothing to check below.
        RuleFor(x => x).Must(Whole).OverridePropertyName("content").WithMessage(_ => TextCatalogue.Say("proposal.validation.whole"));
        When(Whole, () =>
        {
            RuleFor(x => x.Summary).MaxChars("proposal.summary", text);
            RuleFor(x => x.Bcp).MaxChars("proposal.bcp", text);
            RuleFor(x => x.TransitionPlan).MaxChars("proposal.transitionPlan", text);
            RuleFor(x => x.Team).MaxChars("proposal.team", text);
            RuleFor(x => (long?)x.Fees.InitialYen).InRange("vendor.initialFee", 0, MaxYen).OverridePropertyName("fees.initialYen");
            RuleFor(x => (long?)x.Fees.MonthlyYen).InRange("vendor.monthlyBase", 0, MaxYen).OverridePropertyName("fees.monthlyYen");
            RuleFor(x => x.Fees.ExtraChargeConditions).TextList("vendor.extraChargeConditions", 30, VendorProfile.ShortTextMaxLength);
            RuleFor(x => x.Fees.StandardInclusions).TextList("vendor.standardInclusions", 30, VendorProfile.ShortTextMaxLength);
            RuleFor(x => x.Fees.UnitPrices).Must(u => u.Length <= 20 && u.All(i => i is not null))
                .WithMessage(_ => TextCatalogue.Say("proposal.validation.unitPrices"));
            RuleForEach(x => x.Fees.UnitPrices).ChildRules(u =>
            {
                u.RuleFor(x => x.Unit).Cascade(CascadeMode.Stop).Required("vendor.unit").MaxChars("vendor.unit", 50);
                u.RuleFor(x => x.Bands).Must(b => b is not null && b.All(x => x is not null) && ValidationRules.BandsInOrder(b.Select(x => (long?)x.FromQuantity).ToList()))
                    .WithMessage(_ => ValidationRules.BandsInOrderMessage());
                u.RuleForEach(x => x.Bands).ChildRules(b =>
                {
                    b.RuleFor(x => (long?)x.PriceYen).InRange("vendor.bandPrice", 0, MaxYen).OverridePropertyName("priceYen");
                    b.RuleFor(x => (long?)x.FromQuantity).InRange("vendor.bands", 0, 1_000_000_000).OverridePropertyName("fromQuantity");
                });
            });
            RuleFor(x => x.Kpis).Must(k => k.Length <= 50 && k.All(i => i is not null && !string.IsNullOrWhiteSpace(i.Metric)))
                .WithMessage(_ => TextCatalogue.Say("proposal.validation.kpis"));
            RuleForEach(x => x.Kpis).ChildRules(k => k.RuleFor(x => x.Note).MaxChars("proposal.kpiNote", 500));
            RuleFor(x => x.Security).Must(a => a.All(i => i is not null && SecurityQuestionnaire.Questions.Contains(i.Code)) && a.DistinctBy(i => i.Code).Count() == a.Length)
                .WithMessage(_ => TextCatalogue.Say("proposal.validation.security"));
            RuleForEach(x => x.Security).ChildRules(a => a.RuleFor(x => x.Answer).MaxChars("proposal.securityAnswer", text));
            RuleFor(x => x.Exit.ManualHandover).MaxChars("proposal.manualHandover", text);
            RuleFor(x => x.Exit.DataReturn).MaxChars("proposal.dataReturn", text);
            RuleFor(x => x.Exit.SupportMonths).InRange("proposal.supportMonths", 0, 120);
        });
    }

    private static bool Whole(ProposalContent c) =>
        c.Fees is { UnitPrices: not null, ExtraChargeConditions: not null, StandardInclusions: not null } && c.Kpis is not null && c.Security is not null && c.Exit is not null;
}

/// <summary>Saves the working copy as the vendor types; a submitted proposal stays submitted until it is submitted again.</summary>
public static class SaveProposal
{
    public static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, ProposalContent content, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var (proposal, problem) = await VendorProposals.MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        proposal.Edit(Normalised(content), VendorProposals.DeadlineOf(listing), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    /// <summary>Texts trimmed and empty list items dropped, as the RFP builder does.</summary>
    private static ProposalContent Normalised(ProposalContent c) => c with
    {
        Summary = c.Summary?.Trim(),
        Bcp = c.Bcp?.Trim(),
        TransitionPlan = c.TransitionPlan?.Trim(),
        Team = c.Team?.Trim(),
        Fees = c.Fees with
        {
            ExtraChargeConditions = c.Fees.ExtraChargeConditions.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
            StandardInclusions = c.Fees.StandardInclusions.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
        },
        Security = c.Security.Select(a => a with { Answer = a.Answer?.Trim() ?? "" }).ToArray(), // an answer sent as null is an empty one
        Exit = c.Exit with { ManualHandover = c.Exit.ManualHandover?.Trim(), DataReturn = c.Exit.DataReturn?.Trim() },
    };
}
