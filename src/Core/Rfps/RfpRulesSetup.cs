using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Rfps;

public static class RfpRulesSetup
{
    /// <summary>The configurable parts of the RFP rules (<see cref="AddendumOptions"/>), checked when the host starts.</summary>
    public static IServiceCollection AddRfpRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AddendumOptions>().Bind(configuration.GetSection(AddendumOptions.Section))
            .Validate(o => o.IsValid, $"{AddendumOptions.Section}: both periods must be positive, the question period shorter than the proposal period.")
            .ValidateOnStart();
        return services;
    }
}
