using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Planning;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Planning;

/// <param name="HoursPerMonth">Hours a month the task takes today (0-10,000, one decimal).</param>
/// <param name="Frequency">daily, weekly, monthly, quarterly, yearly or adhoc.</param>
/// <param name="Expertise">low, medium or high.</param>
/// <param name="Substitutability">easy, possible or hard.</param>
public sealed record WorkTaskInput(string? Name, string? Department, string? Frequency, decimal? HoursPerMonth, int? MonthlyVolume, string? VolumeUnit,
    string? Expertise, string? Substitutability, string? CurrentOwner);

/// <param name="Verdict">candidate, partial or keep.</param>
public sealed record AssessmentDto(string Verdict, string? SuggestedType, Guid? SuggestedServiceId, string? SuggestedServiceCode, IReadOnlyList<string> Reasons);

public sealed record WorkTaskDto(Guid Id, string Name, string? Department, string Frequency, decimal HoursPerMonth, int? MonthlyVolume, string? VolumeUnit,
    string Expertise, string Substitutability, string? CurrentOwner, string[] CheckYes, DateTimeOffset? CheckedAt, AssessmentDto? Assessment,
    DateTimeOffset UpdatedAt);

/// <param name="CandidateHoursPerMonth">Hours a month of the tasks judged candidates: what outsourcing could free.</param>
public sealed record WorkInventoryDto(IReadOnlyList<WorkTaskDto> Tasks, int Checked, int Candidates, int Partial, int Keep, decimal HoursPerMonth,
    decimal CandidateHoursPerMonth);

/// <param name="Direction">outsource, keep or condition: which way a yes points.</param>
public sealed record CheckItemDto(string Code, string Direction, string Label);

/// <param name="Yes">The codes of the items answered yes (the others are no).</param>
public sealed record CheckInput(string[]? Yes);

public sealed record WorkTaskBatchInput(WorkTaskInput[]? Tasks);

/// <summary>
/// A client's work inventory (業務棚卸し): the tasks it does today, each with the core/non-core check and its
/// explained verdict. Private to the organisation (another organisation's task is 404). Everyone in the client
/// organisation reads it; owners, admins and procurement change it.
/// </summary>
public static class WorkInventoryEndpoints
{
    public const int MaxBatch = 2_000;

    public static RouteGroupBuilder MapWorkInventoryEndpoints(this RouteGroupBuilder api)
    {
        var editors = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Procurement };
        var group = api.MapGroup("/work-inventory").WithTags("Work inventory")
            .RequireOrganisationKind(OrganisationKind.Client, "workInventory.clientsOnly");
        group.MapGet("/", List).RequireMember(ApiScopes.WorkInventoryRead).WithName("GetWorkInventory")
            .WithSummary("The organisation's tasks with their check and verdict, and totals");
        group.MapGet("/check-items", CheckItems).RequireMember(ApiScopes.WorkInventoryRead).WithName("GetCoreNonCoreCheckItems")
            .WithSummary("The 10 items of the core/non-core check, in the reader's language");
        group.MapPost("/tasks", Create).RequireMember(ApiScopes.WorkInventoryWrite, editors).Validate<WorkTaskInput>().Idempotent().WithName("AddWorkTask")
            .WithSummary("Add a task to the work inventory");
        group.MapPost("/tasks/batch", CreateMany).RequireMember(ApiScopes.WorkInventoryWrite, editors).Idempotent().WithName("AddWorkTasks")
            .WithSummary("Add many tasks at once (an import the user confirmed): all or none");
        // RequireOwned before Validate: another organisation's task is 404 whatever the body is.
        group.MapPut("/tasks/{taskId:guid}", Update).RequireMember(ApiScopes.WorkInventoryWrite, editors).RequireOwned<RouteHandlerBuilder, WorkTask>("taskId").Validate<WorkTaskInput>().WithName("UpdateWorkTask")
            .WithSummary("Change a task's description");
        group.MapPut("/tasks/{taskId:guid}/check", Check).RequireMember(ApiScopes.WorkInventoryWrite, editors).RequireOwned<RouteHandlerBuilder, WorkTask>("taskId").WithName("CheckWorkTask")
            .WithSummary("Record the core/non-core check's answers; returns the task with its verdict");
        group.MapGet("/template.csv", () => Template(WorkInventoryImport.TemplateCsv(), "text/csv; charset=utf-8", "csv"))
            .RequireMember(ApiScopes.WorkInventoryRead).WithName("GetWorkInventoryCsvTemplate").ProducesFile("text/csv")
            .WithSummary("The import template as CSV (UTF-8 with BOM), headings in the reader's language");
        group.MapGet("/template.xlsx", () => Template(WorkInventoryImport.TemplateXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"))
            .RequireMember(ApiScopes.WorkInventoryRead).WithName("GetWorkInventoryXlsxTemplate").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The import template as an Excel workbook, with a sheet of the allowed choices");
        group.MapPost("/import/preview", Preview).RequireMember(ApiScopes.WorkInventoryWrite, editors)
            .DisableAntiforgery() // bearer tokens, no cookies: no CSRF
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 * WorkInventoryImport.MaxBytes))
            .WithName("PreviewWorkInventoryImport")
            .WithSummary("Read an .xlsx or CSV file (multipart field \"file\", at most 5 MB) and report its good rows and every problem by row and column; adds nothing");
        group.MapDelete("/tasks/{taskId:guid}", Delete).RequireMember(ApiScopes.WorkInventoryWrite, editors).WithName("DeleteWorkTask")
            .WithSummary("Remove a task from the work inventory");
        return api;
    }

    public sealed class Validator : AbstractValidator<WorkTaskInput>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Required("task.name").MaxChars("task.name", WorkTask.NameMaxLength);
            RuleFor(x => x.Department).MaxChars("task.department", WorkTask.TextMaxLength);
            RuleFor(x => x.Frequency).OneOf("task.frequency", WorkTaskVocabulary.Frequencies);
            RuleFor(x => x.HoursPerMonth).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => TextCatalogue.Say("task.hours.required"))
                .Must(h => h >= 0 && h <= WorkTask.MaxHoursPerMonth && decimal.Round(h!.Value, 1) == h)
                .WithMessage(_ => TextCatalogue.Say("task.hours.range", new { max = WorkTask.MaxHoursPerMonth }));
            RuleFor(x => x.MonthlyVolume).InRange("task.monthlyVolume", 0, WorkTask.MaxMonthlyVolume);
            RuleFor(x => x.VolumeUnit).MaxChars("task.volumeUnit", 20);
            RuleFor(x => x.Expertise).OneOf("task.expertise", WorkTaskVocabulary.ExpertiseLevels);
            RuleFor(x => x.Substitutability).OneOf("task.substitutability", WorkTaskVocabulary.Substitutability);
            RuleFor(x => x.CurrentOwner).MaxChars("task.currentOwner", WorkTask.TextMaxLength);
        }
    }

    private static bool English => Localization.CurrentLanguage == "en";

    private static WorkTaskDto ToDto(WorkTask t, IReadOnlyList<CatalogueService> catalogue)
    {
        AssessmentDto? assessment = null;
        if (t.CheckedAt is not null)
        {
            var a = CoreNonCoreCheck.Assess(t.Name, t.CheckYes.ToHashSet(StringComparer.Ordinal), catalogue, English);
            assessment = new AssessmentDto(a.Verdict.ToString().ToLowerInvariant(), a.SuggestedType, a.SuggestedServiceId,
                catalogue.FirstOrDefault(s => s.Id == a.SuggestedServiceId)?.Code, a.Reasons);
        }
        return new WorkTaskDto(t.Id, t.Name, t.Department, t.Frequency, t.HoursPerMonth, t.MonthlyVolume, t.VolumeUnit, t.Expertise, t.Substitutability,
            t.CurrentOwner, t.CheckYes, t.CheckedAt, assessment, t.UpdatedAt);
    }

    private static Task<List<CatalogueService>> CatalogueAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        db.CatalogueServices.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);

    private static async Task<Results<Ok<WorkInventoryDto>, ProblemHttpResult>> List(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var catalogue = await CatalogueAsync(db, cancellationToken);
        var tasks = (await db.WorkTasks.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken))
            .Select(t => ToDto(t, catalogue)).ToList();
        int Count(string verdict) => tasks.Count(t => t.Assessment?.Verdict == verdict);
        return TypedResults.Ok(new WorkInventoryDto(tasks, tasks.Count(t => t.CheckedAt is not null), Count("candidate"), Count("partial"), Count("keep"),
            tasks.Sum(t => t.HoursPerMonth), tasks.Where(t => t.Assessment?.Verdict == "candidate").Sum(t => t.HoursPerMonth)));
    }

    private static Ok<List<CheckItemDto>> CheckItems() =>
        TypedResults.Ok(CoreNonCoreCheck.Items.Select(i => new CheckItemDto(i.Code, i.Direction.ToString().ToLowerInvariant(), TextCatalogue.Pick(i.Ja, i.En))).ToList());

    private static void Apply(WorkTask task, WorkTaskInput input, DateTimeOffset now) =>
        task.Describe(input.Name!, input.Department, input.Frequency!, input.HoursPerMonth!.Value, input.MonthlyVolume, input.VolumeUnit,
            input.Expertise!, input.Substitutability!, input.CurrentOwner, now);

    private static async Task<Results<Created<WorkTaskDto>, ProblemHttpResult>> Create(WorkTaskInput input, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var task = new WorkTask(actor.OrganisationId!.Value, now);
        Apply(task, input, now);
        db.WorkTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/work-inventory/tasks/{task.Id}", ToDto(task, await CatalogueAsync(db, cancellationToken)));
    }

    private static async Task<Results<Ok<List<WorkTaskDto>>, ValidationProblem, ProblemHttpResult>> CreateMany(WorkTaskBatchInput input, CurrentActor actor,
        MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tasks = input.Tasks ?? [];
        if (tasks.Length is 0 or > MaxBatch)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["tasks"] = [TextCatalogue.Say("task.batch", new { max = MaxBatch })],
            });
        // Every task is checked before any is saved: one bad row means none are added, and every problem is listed.
        var validator = new Validator();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < tasks.Length; i++)
        {
            var result = tasks[i] is null ? null : await validator.ValidateAsync(tasks[i], cancellationToken);
            if (tasks[i] is null)
                errors[$"tasks[{i}]"] = [TextCatalogue.Say("task.empty")];
            else
                foreach (var group in result!.Errors.GroupBy(e => e.PropertyName))
                    errors[$"tasks[{i}].{char.ToLowerInvariant(group.Key[0])}{group.Key[1..]}"] = group.Select(e => e.ErrorMessage).ToArray();
        }
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        var now = clock.GetUtcNow();
        var added = tasks.Select((t, i) =>
        {
            var task = new WorkTask(actor.OrganisationId!.Value, now.AddMicroseconds(i)); // keeps the file's order (PostgreSQL keeps microseconds)
            Apply(task, t, now);
            return task;
        }).ToList();
        db.WorkTasks.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        var catalogue = await CatalogueAsync(db, cancellationToken);
        return TypedResults.Ok(added.Select(t => ToDto(t, catalogue)).ToList());
    }

    private static async Task<Results<Ok<WorkTaskDto>, ProblemHttpResult>> Update(Guid taskId, WorkTaskInput input, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var task = await db.WorkTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null) return NoSuchTask();
        Apply(task, input, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(task, await CatalogueAsync(db, cancellationToken)));
    }

    private static async Task<Results<Ok<WorkTaskDto>, ValidationProblem, ProblemHttpResult>> Check(Guid taskId, CheckInput input,
        MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var task = await db.WorkTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null) return NoSuchTask();
        var yes = input.Yes ?? [];
        var unknown = yes.Where(code => !CoreNonCoreCheck.Codes.Contains(code)).ToList();
        if (unknown.Count > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["yes"] = [TextCatalogue.Say("task.check.unknown", new { codes = string.Join(TextCatalogue.Say("common.nameSeparator"), unknown) })],
            });
        task.RecordCheck(yes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(task, await CatalogueAsync(db, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid taskId, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.WorkTasks.Where(t => t.Id == taskId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NoSuchTask() : TypedResults.NoContent();
    }

    private static FileContentHttpResult Template(byte[] content, string contentType, string extension) =>
        TypedResults.File(content, contentType, $"{TextCatalogue.Say("task.template.fileName")}.{extension}");

    private static async Task<Results<Ok<ImportPreviewDto>, ValidationProblem, ProblemHttpResult>> Preview(HttpRequest request,
        CancellationToken cancellationToken)
    {
        ValidationProblem FileProblem(string message) => ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["file"] = [message] });
        if (!request.HasFormContentType)
            return FileProblem(TextCatalogue.Say("task.import.multipart"));
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return FileProblem(TextCatalogue.Say("task.import.chooseFile"));
        if (file.Length > WorkInventoryImport.MaxBytes)
            return FileProblem(TextCatalogue.Say("task.import.tooLarge"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        try
        {
            return TypedResults.Ok(WorkInventoryImport.Preview(WorkInventoryImport.ReadCells(buffer.ToArray()), MaxBatch));
        }
        catch (WorkInventoryImport.UnreadableFile e)
        {
            return FileProblem(e.Message);
        }
    }

    private static ProblemHttpResult NoSuchTask() => ApiProblems.NotFound(TextCatalogue.Say("task.notFound"));
}
