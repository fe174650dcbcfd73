namespace Marketplace.Core.Rfps;

/// <param name="Phases">Milliseconds spent reading candidates, evaluating them and storing the matches (for the log).</param>
public sealed record MatchOutcome(int Evaluated, int Matched, int Stored, string Phases = "");
