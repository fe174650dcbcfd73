namespace Marketplace.Workers.Tests;

/// <summary>
/// These tests run one at a time and alone: some take RabbitMQ down, and all of them drive the shared outbox,
/// where another test's relay would otherwise claim the rows they are watching.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerCollection
{
    public const string Name = "broker";
}
