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

        group.MapPost("/sign-in", SignIn.Handle)
            .Validate<SignInRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SignIn")
            .WithSummary("Check the password and start the browser session used by the authorization endpoint");

        group.MapPost("/forgot-password", PasswordReset.Forgot)
            .Validate<ForgotPasswordRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ForgotPassword")
            .WithSummary("Send a password reset link (the same answer for every address)");

        group.MapPost("/reset-password", PasswordReset.Reset)
            .Validate<ResetPasswordRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .WithName("ResetPassword")
            .WithSummary("Choose a new password with the token from the reset link");

        group.MapPost("/change-password", PasswordReset.Change)
            .RequireSignedInPerson()
            .Validate<ChangePasswordRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ChangePassword")
            .WithSummary("Change the signed-in person's password; every other session ends");

        api.MapGet("/me", Me.Handle)
            .RequireSignedInPerson()
            .WithTags("Account")
            .WithName("GetMe")
            .WithSummary("The signed-in person and the organisations they belong to");

        return api;
    }
}
