using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Japanese by default, English on request (Accept-Language, which the SPA sets from the chosen language, or
/// ?culture=en). Validation messages follow the request's culture.
/// </summary>
public static class Localization
{
    public static readonly string[] SupportedLanguages = ["ja", "en"];

    public static IHostApplicationBuilder AddMarketplaceLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedLanguages.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture("ja");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // FluentValidation ships Japanese and English messages; messages of our own rules come from ValidationRules.
        ValidatorOptions.Global.LanguageManager.Enabled = true; // for rules without a message of ours
        return builder;
    }

    /// <summary>The request's language, "ja" or "en".</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja";
}

