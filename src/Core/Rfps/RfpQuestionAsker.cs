namespace Marketplace.Core.Rfps;

/// <summary>
/// Who asked a question (<see cref="RfpQuestion"/>), kept apart from the question so that row-level security can hide
/// it: the asking vendor reads its own, the client reads it only once the proposal deadline has passed (before that it
/// would say who takes part), and no other vendor ever does. Nobody changes or deletes one.
/// </summary>
public sealed class RfpQuestionAsker
{
    private RfpQuestionAsker() { }

    public RfpQuestionAsker(Guid questionId, Guid rfpId, Guid clientOrganisationId, Guid vendorId)
    {
        QuestionId = questionId;
        RfpId = rfpId;
        ClientOrganisationId = clientOrganisationId;
        VendorId = vendorId;
    }

    public Guid QuestionId { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public Guid VendorId { get; private set; }
}
