namespace Marketplace.Core.Messaging;

/// <summary>
/// A message waiting to be published. Written in the same database transaction as the change it announces,
/// so a message exists if and only if the change committed. The relay in Workers publishes it and sets
/// <see cref="SentAt"/>.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

    private OutboxMessage() { }

    internal OutboxMessage(string messageType, string payload, Guid? organisationId, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        MessageType = messageType;
        Payload = payload;
        OrganisationId = organisationId;
        CreatedAt = createdAt;
    }

    /// <summary>Also the published MessageId, so that a republished row is recognised by the consumer's inbox.</summary>
    public Guid Id { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "{}";
    public Guid? OrganisationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Set when the row can never be published (unknown type, unreadable payload); it is then left alone.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    public void RecordFailedAttempt(string error)
    {
        Attempts++;
        LastError = Truncate(error);
    }

    public void MarkUnpublishable(string error, DateTimeOffset at)
    {
        FailedAt = at;
        LastError = Truncate(error);
    }

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}

/// <summary>A message id a consumer has handled; the primary key (message id, consumer) makes handling happen once.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
