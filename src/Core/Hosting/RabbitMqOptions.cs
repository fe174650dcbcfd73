using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Hosting;

/// <summary>Broker settings, section "RabbitMq". The defaults fit the broker ./run.sh starts on loopback.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";
}
