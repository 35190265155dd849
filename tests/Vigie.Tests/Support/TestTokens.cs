namespace Vigie.Tests.Support;

/// <summary>Access tokens of the seeded principals, minted at server start with the server's own key (valid 1 hour).</summary>
public sealed record TestTokens(string Admission, string Physician, string Vigilance, string Nurse, string SystemChu, string SystemOther, string Officer);
