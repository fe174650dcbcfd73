using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Mail;
using Marketplace.Workers.Organisations;
using Marketplace.Workers.Outbox;
using MassTransit;

namespace Marketplace.Workers;

/// <summary>Builds the Workers host. Program.cs runs it; tests build the same host in-process.</summary>
public static class WorkersHost
{
    /// <param name="settings">Configuration that takes precedence over every other source (tests use it).</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMarketplaceTelemetry("marketplace-workers");
        builder.AddMarketplaceData();
        builder.AddMarketplaceMessaging(bus =>
        {
            bus.AddConsumer<OrganisationRegisteredConsumer, OrganisationRegisteredConsumerDefinition>();
            bus.AddConsumer<SendWelcomeEmailConsumer, SendWelcomeEmailConsumerDefinition>();
            bus.AddConsumer<Vendors.SendCertificationExpiryEmailConsumer, SendCertificationExpiryEmailConsumerDefinition>();
            bus.AddConsumer<Rfps.MatchRfpConsumer, Rfps.MatchRfpConsumerDefinition>();
            bus.AddConsumer<Rfps.StoreRemainingMatchesConsumer, Rfps.StoreRemainingMatchesConsumerDefinition>();
            bus.AddConsumer<Rfps.RfpClosedConsumer, Rfps.RfpClosedConsumerDefinition>();
            bus.AddConsumer<Notifications.DeliverNoticeConsumer, Notifications.DeliverNoticeConsumerDefinition>();
            bus.AddConsumer<Billing.ApplyStripeEventConsumer, Billing.ApplyStripeEventConsumerDefinition>();
        });
        // The plans and Stripe's keys (decision 0017): the billing worker applies Stripe's events.
        Marketplace.Core.Billing.BillingSetup.AddBilling(builder.Services, builder.Configuration);
        builder.AddMarketplaceMail();
        builder.AddOutboxRelay();
        builder.Services.Configure<Vendors.CertificationExpiryOptions>(builder.Configuration.GetSection("CertificationExpiry"));
        if (builder.Configuration.GetValue("CertificationExpiry:Enabled", true))
            builder.Services.AddHostedService<Vendors.CertificationExpiryService>();
        builder.Services.Configure<Rfps.RfpClosingOptions>(builder.Configuration.GetSection("RfpClosing"));
        builder.Services.Configure<Rfps.RfpMatchingOptions>(builder.Configuration.GetSection("RfpMatching"));
        if (builder.Configuration.GetValue("RfpClosing:Enabled", true))
            builder.Services.AddHostedService<Rfps.RfpClosingService>();
        return builder;
    }

    public static IHostApplicationBuilder AddOutboxRelay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxRelayOptions>()
            .Bind(builder.Configuration.GetSection(OutboxRelayOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddSingleton<OutboxSignal>();
        if (builder.Configuration.GetValue(OutboxRelayOptions.Section + ":" + nameof(OutboxRelayOptions.RelayEnabled), true))
            builder.Services.AddHostedService<OutboxRelayService>();
        return builder;
    }
}
