using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Organisations;

/// <summary>
/// Registers a client company or a vendor. The organisation row, its OrganisationRegistered message (transactional
/// outbox) and its audit entry commit together; the Workers answer with a welcome notification and a welcome e-mail.
/// </summary>
/// <param name="Kind">"client" (発注企業) or "vendor" (ベンダー).</param>
/// <param name="PreferredLanguage">"ja" (default) or "en".</param>
public sealed record RegisterOrganisationRequest(string? Name, string? Kind, string? ContactEmail, string? PreferredLanguage);

public static class RegisterOrganisation
{
    private static readonly Dictionary<string, (string Ja, string En)> Kinds = new()
    {
        ["client"] = ("発注企業", "client"),
        ["vendor"] = ("ベンダー", "vendor"),
    };

    public sealed class Validator : AbstractValidator<RegisterOrganisationRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .Required("organisation.name")
                .MaxChars("organisation.name", Organisation.NameMaxLength);
            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .Required("organisation.kind")
                .OneOf("organisation.kind", Kinds);
            RuleFor(x => x.ContactEmail).Cascade(CascadeMode.Stop)
                .Required("organisation.contactEmail")
                .MaxChars("organisation.contactEmail", Organisation.EmailMaxLength)
                .Email("organisation.contactEmail");
            RuleFor(x => x.PreferredLanguage)
                .OneOf("organisation.preferredLanguage", ValidationRules.Languages, optional: true);
        }
    }

    private static OrganisationKind ParseKind(string kind) => kind == "vendor" ? OrganisationKind.Vendor : OrganisationKind.Client;

    /// <summary>
    /// The signed-in person becomes the first owner. The work runs in a scope of its own, which acts inside the new
    /// organisation whatever organisation the request had chosen.
    /// </summary>
    public static async Task<Created<OrganisationDto>> Handle(RegisterOrganisationRequest request, CurrentActor actor,
        IServiceScopeFactory scopes, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = actor.RequireUserId();
        var (scope, db) = scopes.CreateTenantScope(organisationId: null, userId);
        await using var _ = scope;
        var organisation = await db.RegisterAsync(
            request.Name!.Trim(),
            ParseKind(request.Kind!),
            request.ContactEmail!.Trim(),
            request.PreferredLanguage ?? Localization.CurrentLanguage,
            ownerUserId: userId,
            actor: actor.AuditName,
            http.Connection.RemoteIpAddress?.ToString(),
            clock,
            cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationDto.From(organisation, []));
    }
}
