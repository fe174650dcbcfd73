using System.Globalization;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Planning;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <param name="FromTaskIds">Work-inventory tasks to start from: scope, volumes and services are filled in from them.</param>
/// <param name="FromTemplateId">One of the organisation's templates to start from (then the tasks add to it).</param>
public sealed record CreateRfpRequest(string? Title, Guid[]? FromTaskIds, Guid? FromTemplateId = null);

/// <summary>Starts a draft: empty, from one of the organisation's templates, or from work-inventory tasks (or both).</summary>
public static class CreateRfp
{
    public static async Task<Results<Created<RfpDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(CreateRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var content = new RfpContent { Title = request.Title?.Trim() ?? "" };
        if (request.FromTemplateId is { } templateId)
        {
            // Another organisation's template is invisible here, so it reads as unknown.
            var template = await db.RfpTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
            if (template is null) return ValidationRules.FieldProblem("fromTemplateId", TextCatalogue.Say("rfp.template.notFound"));
            content = template.Content with { Title = content.Title.Length > 0 ? content.Title : template.Content.Title };
        }
        if (content.Title.Length > 200) return ValidationRules.FieldProblem("title", TextCatalogue.Say("rfp.validation.titleMax"));
        var taskIds = request.FromTaskIds ?? [];
        if (taskIds.Length > 0)
        {
            // Another organisation's tasks are invisible here, so they read as unknown.
            var tasks = await db.WorkTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
            if (tasks.Count != taskIds.Distinct().Count()) return ValidationRules.FieldProblem("fromTaskIds", TextCatalogue.Say("rfp.create.unknownTasks"));
            content = await FromTasksAsync(content, tasks, db, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var rfp = new Rfp(actor.OrganisationId!.Value, content, now);
        db.Rfps.Add(rfp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{rfp.Id}", RfpDto.From(db, http, rfp, now));
    }

    /// <summary>Scope, current and expected volumes, hours and services from the chosen tasks; the rest is for the author.</summary>
    private static async Task<RfpContent> FromTasksAsync(RfpContent content, List<WorkTask> tasks, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var english = TextCatalogue.CurrentLanguage == "en";
        var catalogue = await db.CatalogueServices.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var services = tasks.Where(t => t.CheckedAt is not null)
            .Select(t => CoreNonCoreCheck.Assess(t.Name, t.CheckYes.ToHashSet(StringComparer.Ordinal), catalogue, english).SuggestedServiceId)
            .Concat(tasks.Select(t => CoreNonCoreCheck.ServiceFor(t.Name, catalogue)?.Id))
            .OfType<Guid>().Distinct().ToArray();
        var volumes = tasks.Where(t => t.MonthlyVolume is not null)
            .Select(t => new ExpectedVolume(t.Name, t.VolumeUnit ?? TextCatalogue.Say("rfp.fromTasks.defaultUnit"), t.MonthlyVolume!.Value)).ToArray();
        var state = string.Join("\n", tasks.Select(t => TextCatalogue.Say("rfp.fromTasks.state", new
        {
            task = t.Name,
            hours = t.HoursPerMonth.ToString("0.#", CultureInfo.InvariantCulture),
            volume = t.MonthlyVolume is { } v ? Text.Of("rfp.fromTasks.stateVolume", new { volume = v, unit = t.VolumeUnit }) : (object)"",
            department = t.Department is { } d ? Text.Of("rfp.fromTasks.stateDepartment", new { department = d }) : (object)"",
        })));
        var confidential = tasks.Any(t => t.CheckYes.Contains("confidentialData"));
        return content with
        {
            Title = content.Title.Length > 0 ? content.Title : TextCatalogue.Say("rfp.fromTasks.title", new { task = tasks[0].Name }),
            ScopeIn = tasks.Select(t => t.Name).ToArray(),
            CurrentState = state,
            CurrentVolumes = volumes,
            ExpectedVolumes = volumes,
            ServiceIds = services,
            RequiredCertifications = confidential ? ["isms"] : [],
            ReadinessDone = tasks.All(t => t.CheckedAt is not null) ? ["coreNonCore"] : [],
        };
    }
}
