namespace Marketplace.Core.Rfps;

/// <summary>The moves of an RFP's life cycle, as a refusal names them (catalogue: <c>rfp.refused.&lt;move&gt;</c>).</summary>
public enum RfpMove { EditDraft, Publish, ChangeByAddendum, Close, Evaluate, Award, Cancel, Delete, ChangeAttachments, Invite, AnswerQuestion, Clarify }
