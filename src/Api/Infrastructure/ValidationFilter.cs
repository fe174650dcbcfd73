using System.Text.Json;
using FluentValidation;

namespace Marketplace.Api.Infrastructure;

public static class ValidationFilter
{
    /// <summary>
    /// Validates the request body with its FluentValidation validator before the handler runs. Invalid input
    /// answers 400 ValidationProblem with every field's errors (camelCase names, as the JSON has them) and the
    /// handler never runs, so nothing changes.
    /// </summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder route) where TRequest : class =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: "The request body is missing.");

            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            if (result.IsValid)
                return await next(context);

            var errors = result.Errors
                // "CaseStudies[0].Title" -> "caseStudies[0].title": each segment as the JSON spells it.
                .GroupBy(e => string.Join('.', e.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            return ValidationRules.FieldProblem(errors);
        })
        .ProducesValidationProblem();
}
