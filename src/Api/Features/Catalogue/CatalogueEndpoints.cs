using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Catalogue;

public sealed record CatalogueServiceDto(Guid Id, string Code, string NameJa, string NameEn, bool Retired);

public sealed record OutsourcingTypeDto(string Code, string NameJa, string NameEn, IReadOnlyList<CatalogueServiceDto> Services);

/// <param name="Type">"BPO", "ITO" or "KPO".</param>
/// <param name="Code">A readable key for URLs (lowercase letters, digits and hyphens); made from the English name when left out.</param>
public sealed record AddServiceRequest(string? Type, string? NameJa, string? NameEn, string? Code);

/// <summary>
/// The service catalogue (type → service), public. Platform operators add services and retire them; a retired
/// service is kept (profiles and RFPs that name it still read it) but is not offered for new ones.
/// </summary>
public static partial class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", List)
            .WithTags("Catalogue")
            .WithName("GetCatalogue")
            .WithSummary("The outsourcing types and their services, in catalogue order");

        var operatorGroup = api.MapGroup("/operator/catalogue/services").WithTags("Operator");
        operatorGroup.MapPost("/", Add)
            .RequirePlatformOperator()
            .Validate<AddServiceRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddCatalogueService")
            .WithSummary("Add a service to the catalogue (platform operators)");
        operatorGroup.MapPost("/{serviceId:guid}/retire", (Guid serviceId, CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
                SetRetired(serviceId, retire: true, actor, db, http, clock, ct))
            .RequirePlatformOperator()
            .WithName("RetireCatalogueService")
            .WithSummary("Stop offering a service for new profiles and RFPs (platform operators)");
        operatorGroup.MapPost("/{serviceId:guid}/restore", (Guid serviceId, CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
                SetRetired(serviceId, retire: false, actor, db, http, clock, ct))
            .RequirePlatformOperator()
            .WithName("RestoreCatalogueService")
            .WithSummary("Offer a retired service again (platform operators)");
        return api;
    }

    public sealed class Validator : AbstractValidator<AddServiceRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Type).Cascade(CascadeMode.Stop).Required("catalogue.type")
                .Must(t => CatalogueSeed.Types.Any(s => s.Code == t))
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Type: choose BPO, ITO or KPO." : "種類は BPO・ITO・KPO から選んでください。");
            RuleFor(x => x.NameJa).Cascade(CascadeMode.Stop).Required("catalogue.nameJa").MaxChars("catalogue.nameJa", CatalogueService.NameMaxLength);
            RuleFor(x => x.NameEn).Cascade(CascadeMode.Stop).Required("catalogue.nameEn").MaxChars("catalogue.nameEn", CatalogueService.NameMaxLength);
            RuleFor(x => x.Code).Must(c => c is null || CodePattern().IsMatch(c))
                .WithMessage(_ => Localization.CurrentLanguage == "en"
                    ? "Code: 2 to 64 lowercase letters, digits and hyphens."
                    : "コードは英小文字・数字・ハイフンで 2〜64 文字にしてください。");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex CodePattern();

    /// <summary>"Payroll &amp; benefits" → "payroll-benefits".</summary>
    private static string CodeFrom(string englishName)
    {
        var code = Regex.Replace(englishName.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return code.Length > CatalogueService.CodeMaxLength ? code[..CatalogueService.CodeMaxLength].TrimEnd('-') : code;
    }

    private static CatalogueServiceDto ToDto(CatalogueService s) => new(s.Id, s.Code, s.NameJa, s.NameEn, s.IsRetired);

    /// <param name="includeRetired">Also list retired services (marked as such).</param>
    private static async Task<Ok<List<OutsourcingTypeDto>>> List(MarketplaceDbContext db, bool? includeRetired, CancellationToken cancellationToken)
    {
        var types = await db.OutsourcingTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var services = await db.CatalogueServices.AsNoTracking()
            .Where(s => includeRetired == true || s.RetiredAt == null)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(types.Select(t => new OutsourcingTypeDto(t.Code, t.NameJa, t.NameEn,
            services.Where(s => s.TypeCode == t.Code).Select(ToDto).ToList())).ToList());
    }

    private static async Task<Results<Created<CatalogueServiceDto>, ValidationProblem, ProblemHttpResult>> Add(AddServiceRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = request.Code ?? CodeFrom(request.NameEn!);
        if (code.Length < 2)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["code"] = [Localization.CurrentLanguage == "en" ? "Give a code: the English name has no letters or digits." : "英語名から作れないため、コードを入力してください。"],
            });
        if (await db.CatalogueServices.AnyAsync(s => s.Code == code, cancellationToken))
            return ApiProblems.Conflict(
                Localization.CurrentLanguage == "en" ? "This code is taken" : "このコードは使われています",
                Localization.CurrentLanguage == "en" ? $"A service with the code \"{code}\" exists; choose another code." : $"コード「{code}」のサービスがすでにあります。別のコードを指定してください。");

        var now = clock.GetDatabaseNow();
        var order = await db.CatalogueServices.Where(s => s.TypeCode == request.Type).MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0;
        var service = new CatalogueService(Guid.CreateVersion7(now), request.Type!, code, request.NameJa!.Trim(), request.NameEn!.Trim(), order + 1, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CatalogueServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(null, actor.AuditName, AuditActions.CatalogueServiceAdded, "catalogue-service", service.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { service.TypeCode, service.Code, service.NameJa, service.NameEn }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/catalogue#{service.Code}", ToDto(service));
    }

    private static async Task<Results<Ok<CatalogueServiceDto>, ProblemHttpResult>> SetRetired(Guid serviceId, bool retire, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var service = await db.CatalogueServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
            return ApiProblems.NotFound("There is no catalogue service with this id.");
        if (service.IsRetired == retire)
            return TypedResults.Ok(ToDto(service));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (retire) service.Retire(clock.GetDatabaseNow());
        else service.Restore();
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(null, actor.AuditName, retire ? AuditActions.CatalogueServiceRetired : AuditActions.CatalogueServiceRestored,
            "catalogue-service", service.Id.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { service.Code }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToDto(service));
    }
}
