using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Data;

/// <summary>
/// A request sent with an Idempotency-Key (a create, such as a new RFP or a question): the first one runs, and its
/// successful answer is kept so that the same request again (a double click, a retry after a lost connection) gets
/// that answer instead of a second effect. Kept for <see cref="Retention"/>. Tenant-owned (row-level security).
/// </summary>
public sealed class IdempotentRequest : ITenantOwned
{
    public const int KeyMaxLength = 64;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private IdempotentRequest() { }

    public Guid OrganisationId { get; private set; }
    /// <summary>The endpoint's name: one key may serve different operations.</summary>
    public string Operation { get; private set; } = "";
    public string Key { get; private set; } = "";
    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = "";
    /// <summary>Null while the first request runs.</summary>
    public int? StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
}
