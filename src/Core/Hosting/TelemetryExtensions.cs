using Marketplace.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Core.Hosting;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics through OpenTelemetry. "Telemetry:Exporter" chooses where they go: "none" (default),
    /// "console", or "otlp" (endpoint from the standard OTEL_EXPORTER_OTLP_ENDPOINT variable). Logs are structured
    /// by the console formatter chosen in configuration ("json" by default, see appsettings.json).
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var exporter = builder.Configuration["Telemetry:Exporter"]?.Trim().ToLowerInvariant() ?? "none";
        if (exporter is not ("none" or "console" or "otlp"))
            throw new InvalidOperationException($"Telemetry:Exporter must be none, console or otlp; it is '{exporter}'.");

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource("MassTransit").AddHttpClientInstrumentation().AddNpgsql();
                tracing?.Invoke(t);
                if (exporter == "console") t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddRuntimeInstrumentation().AddHttpClientInstrumentation()
                    .AddMeter(InboxMetrics.MeterName, OutboxMetrics.MeterName, "MassTransit", "Npgsql");
                metrics?.Invoke(m);
                if (exporter == "console") m.AddConsoleExporter();
            });

        if (exporter == "otlp")
        {
            builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
            otel.UseOtlpExporter();
        }
        return builder;
    }
}
