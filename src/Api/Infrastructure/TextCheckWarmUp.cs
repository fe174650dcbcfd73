using Marketplace.Core.Planning;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Loads MeCab and its dictionary when the Api starts, so that a machine without them (libmecab2, mecab-ipadic-utf8)
/// refuses to start with what to install, rather than failing on the first RFP it reads.
/// </summary>
internal sealed class TextCheckWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DisguisedContractingCheck.EnsureReady();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
