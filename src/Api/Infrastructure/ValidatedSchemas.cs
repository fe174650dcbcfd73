using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// A request's schema says what its validator checks, read from the validator itself: which fields are required,
/// their lengths, ranges and list sizes. Without this the generator calls every constructor parameter required (a
/// record's), which the validators do not ask for: the document and the answers would disagree (decision 0023).
/// </summary>
public sealed class ValidatedSchemas(IServiceProvider services, EndpointDataSource endpoints) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || schema.Properties is not { Count: > 0 } properties) return Task.CompletedTask;
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IEnumerable<IValidationRule> rules)
        {
            // A request body without a validator: the serializer fills what is missing with its default, and the
            // handler decides; nothing is required of the sender. (Answers keep the generator's list: they carry every field.)
            if (endpoints.Endpoints.Any(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType == type))
                schema.Required = new HashSet<string>();
            return Task.CompletedTask;
        }

        var required = new HashSet<string>();
        foreach (var rule in rules)
        {
            if (rule.PropertyName is not { Length: > 0 } name) continue;
            var property = JsonNamingPolicy.CamelCase.ConvertName(name);
            if (!properties.TryGetValue(property, out var field) || field is not OpenApiSchema fieldSchema) continue;
            foreach (var component in rule.Components)
            {
                var constraint = ValidationRules.ConstraintOf(component) ?? BuiltIn(component.Validator);
                if (constraint is null) continue;
                var unconditional = !rule.HasCondition && !rule.HasAsyncCondition && !component.HasCondition && !component.HasAsyncCondition;
                if (constraint.Required && unconditional) required.Add(property);
                if (constraint.MinLength is { } min && unconditional) fieldSchema.MinLength = min;
                if (constraint.MaxLength is { } max) fieldSchema.MaxLength = max;
                if (constraint.Minimum is { } minimum) fieldSchema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
                if (constraint.Maximum is { } maximum) fieldSchema.Maximum = maximum.ToString(CultureInfo.InvariantCulture);
                if (constraint.MaxItems is { } items) fieldSchema.MaxItems = items;
            }
        }
        schema.Required = required;
        return Task.CompletedTask;
    }

    /// <summary>FluentValidation's own rules, where a validator uses them.</summary>
    private static FieldConstraint? BuiltIn(IPropertyValidator validator) => validator switch
    {
        INotEmptyValidator => new FieldConstraint(Required: true),
        INotNullValidator => new FieldConstraint(Required: true),
        ILengthValidator length => new FieldConstraint(MinLength: length.Min > 0 ? length.Min : null, MaxLength: length.Max > 0 ? length.Max : null),
        IBetweenValidator { From: IConvertible from, To: IConvertible to } => new FieldConstraint(
            Minimum: from.ToDecimal(CultureInfo.InvariantCulture), Maximum: to.ToDecimal(CultureInfo.InvariantCulture)),
        _ => null,
    };
}
