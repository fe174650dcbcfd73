using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record SaveTemplateRequest(string? Name);

public sealed class SaveTemplateRequestValidator : AbstractValidator<SaveTemplateRequest>
{
    public SaveTemplateRequestValidator() => RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= RfpTemplate.NameMaxLength)
        .WithMessage(_ => TextCatalogue.Say("rfp.template.name", new { max = RfpTemplate.NameMaxLength }));
}

/// <summary>Saves an RFP's content, without its dates, as a named template of the organisation (names unique, a few dozen at most).</summary>
public static class SaveRfpAsTemplate
{
    public static async Task<Results<Created<RfpTemplateDto>, ValidationProblem>> HandleAsync(Guid rfpId, SaveTemplateRequest request,
        MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        var name = request.Name!.Trim();
        if (await db.RfpTemplates.AnyAsync(t => t.Name == name, cancellationToken)) return Duplicate();
        if (await db.RfpTemplates.CountAsync(cancellationToken) >= RfpTemplate.MaxPerOrganisation)
            return ValidationRules.FieldProblem("name", TextCatalogue.Say("rfp.template.tooMany", new { max = RfpTemplate.MaxPerOrganisation }));
        var template = new RfpTemplate(rfp.OrganisationId, name, rfp.Content, clock.GetUtcNow());
        db.RfpTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) // a colleague saved one with this name a moment ago
        {
            return Duplicate();
        }
        return TypedResults.Created($"/api/v1/rfps/templates/{template.Id}", new RfpTemplateDto(template.Id, template.Name, template.CreatedAt));
    }

    private static ValidationProblem Duplicate() => ValidationRules.FieldProblem("name", TextCatalogue.Say("rfp.template.duplicate"));
}
