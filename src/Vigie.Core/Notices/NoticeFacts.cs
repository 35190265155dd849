namespace Vigie.Core.Notices;

/// <summary>
/// What a notice says about the incident, the same for every affected person (GDPR Art. 34(2): the nature of the
/// breach, the DPO contact, the likely consequences and the measures taken). Incident response builds it from the
/// incident; the notification run takes it as given after <see cref="Check"/>.
/// </summary>
/// <param name="Organisation">The controller's name as printed and signed (e.g. "GRADeS Hauts-de-France").</param>
/// <param name="OrganisationShort">A short name for SMS (at most 24 characters).</param>
/// <param name="Kind">The nature of the breach.</param>
/// <param name="From">First day of the unauthorised consultations.</param>
/// <param name="To">Last day of the unauthorised consultations.</param>
/// <param name="DetectedOn">The day the breach was detected.</param>
/// <param name="Measures">Measures taken (at least one).</param>
/// <param name="Dpo">The data protection officer's contact.</param>
/// <param name="PortalAddress">The verification portal's address, printed for the person to type, e.g.
/// "https://vigie.ars-exemple.fr/verifier". Its path must end with /verifier: it is never a sign-in page.</param>
public sealed record NoticeFacts(
    string Organisation,
    string OrganisationShort,
    BreachKind Kind,
    DateOnly From,
    DateOnly To,
    DateOnly DetectedOn,
    IReadOnlyList<NoticeMeasure> Measures,
    DpoContact Dpo,
    string PortalAddress)
{
    /// <summary>The portal's path: the address in a notice always ends with it.</summary>
    public const string PortalPath = "/verifier";

    /// <summary>
    /// Checks what a notice prints: bounded lengths, no control characters, no web address hidden in the names
    /// (the portal address is the only one a notice carries), a plausible DPO email and a portal address whose
    /// path is <see cref="PortalPath"/> with no query, fragment or user part.
    /// </summary>
    public static ParseResult<NoticeFacts> Check(NoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string? error = null;
        if (!PlainField(facts.Organisation, 120))
        {
            error = "organisation: 1 to 120 characters, no control characters, no web address";
        }
        else if (!PlainField(facts.OrganisationShort, 24))
        {
            error = "organisationShort: 1 to 24 characters, no control characters, no web address";
        }
        else if (facts.To < facts.From || facts.DetectedOn < facts.From)
        {
            error = "dates: from ≤ to and from ≤ detectedOn";
        }
        else if (facts.Measures is null || facts.Measures.Count == 0 || facts.Measures.Any(m => !Enum.IsDefined(m)) || !Enum.IsDefined(facts.Kind))
        {
            error = "measures: at least one known measure; kind: a known breach kind";
        }
        else if (facts.Dpo is null || !NoticeText.IsPlausibleEmail(facts.Dpo.Email))
        {
            error = "dpo.email: a valid email address";
        }
        else if (facts.Dpo.Phone is { } phone && (phone.Length > 30 || phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '(' or ')'))))
        {
            error = "dpo.phone: digits, spaces, '+', '.', parentheses";
        }
        else if (facts.Dpo.PostalLines is null || facts.Dpo.PostalLines.Count > 6 || facts.Dpo.PostalLines.Any(l => !PlainField(l, 120)))
        {
            error = "dpo.postalLines: at most 6 lines of 1 to 120 characters, no web address";
        }
        else if (!IsPortalAddress(facts.PortalAddress))
        {
            error = "portalAddress: http(s)://host[:port][/prefix]/verifier, no query, fragment or user part";
        }

        return error is null ? ParseResult<NoticeFacts>.Ok(facts) : ParseResult<NoticeFacts>.Fail(error);
    }

    private static bool PlainField(string? value, int max) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= max && !NoticeText.HasControl(value) && !NoticeText.ContainsWebAddress(value);

    private static bool IsPortalAddress(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 100 || NoticeText.HasControl(address) || address.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return false;
        }

        return uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && !address.Contains('@', StringComparison.Ordinal)
            && uri.AbsolutePath.EndsWith(PortalPath, StringComparison.Ordinal);
    }
}
