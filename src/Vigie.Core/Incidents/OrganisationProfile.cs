namespace Vigie.Core.Incidents;

/// <summary>
/// The organisation that operates Vigie, as the declarations name it. Every default is a visible placeholder in
/// square brackets, so an unconfigured draft cannot be mistaken for a finished one: <see cref="Placeholders"/>
/// lists what is still to fill in, and each draft repeats that list.
/// </summary>
/// <param name="Name">Legal name of the controller (the GRADeS or establishment operating the regional server).</param>
/// <param name="Siren">SIREN number, asked by the CNIL form.</param>
/// <param name="Finess">FINESS of the declaring legal entity, asked by the health-incident portal.</param>
/// <param name="Address">Postal address, on one line.</param>
/// <param name="Region">The region served (ARS competent for the health-incident declaration).</param>
/// <param name="Dpo">The data protection officer (Art. 37–39 GDPR): Art. 33(3)(b) requires their contact.</param>
/// <param name="SecurityOfficer">The information-systems security officer (RSSI), the ARS and CERT Santé contact.</param>
/// <param name="TimeZoneId">IANA time zone for dates in the drafts (default Europe/Paris).</param>
public sealed record OrganisationProfile(
    string Name,
    string Siren,
    string Finess,
    string Address,
    string Region,
    ContactPoint Dpo,
    ContactPoint SecurityOfficer,
    string TimeZoneId)
{
    /// <summary>The documented defaults: placeholders, and Europe/Paris.</summary>
    public static OrganisationProfile Default { get; } = new(
        "[Nom de l'organisme responsable de traitement]",
        "[SIREN]",
        "[FINESS juridique]",
        "[Adresse postale de l'organisme]",
        "[Région]",
        new ContactPoint("[Délégué à la protection des données]", "[dpo@organisme.fr]", "[Téléphone du DPO]"),
        new ContactPoint("[Responsable de la sécurité des systèmes d'information]", "[rssi@organisme.fr]", "[Téléphone du RSSI]"),
        "Europe/Paris");

    /// <summary>The fields still holding a placeholder (text in square brackets), by French label.</summary>
    public IReadOnlyList<string> Placeholders
    {
        get
        {
            var fields = new (string Label, string? Value)[]
            {
                ("Nom de l'organisme", Name), ("SIREN", Siren), ("FINESS", Finess), ("Adresse", Address), ("Région", Region),
                ("Nom du DPO", Dpo.Name), ("Courriel du DPO", Dpo.Email), ("Téléphone du DPO", Dpo.Phone),
                ("Nom du RSSI", SecurityOfficer.Name), ("Courriel du RSSI", SecurityOfficer.Email), ("Téléphone du RSSI", SecurityOfficer.Phone),
            };
            return [.. fields.Where(f => string.IsNullOrWhiteSpace(f.Value) || f.Value.StartsWith('[')).Select(f => f.Label)];
        }
    }
}
