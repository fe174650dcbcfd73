using Marketplace.Api.Infrastructure;

namespace Marketplace.Api.Features.Account;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account");

        group.MapPost("/sign-up", SignUp.Handle)
            .Validate<SignUpRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("SignUp")
            .WithSummary("Create an account; a confirmation link is sent by e-mail");

        group.MapPost("/confirm", ConfirmEmail.Handle)
            .Validate<ConfirmEmailRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .WithName("ConfirmEmail")
            .WithSummary("Confirm an account's e-mail address with the token from the link");

        return api;
    }
}
