namespace Vigie.Core.Notices;

/// <summary>
/// The SMS form of a notice: the same elements in a few sentences, written with characters of the GSM 03.38 basic
/// set. Measures are listed in the order given for as long as the text stays within three segments (459
/// characters); with a portal address and DPO contact of usual length at least the first one always fits. It names
/// the portal address to type and the reference, never a link to follow.
/// </summary>
public static class SmsNotice
{
    /// <summary>Three concatenated GSM-7 segments.</summary>
    public const int MaxLength = 459;

    /// <summary>The SMS text for <paramref name="target"/>.</summary>
    public static string Compose(NoticeFacts facts, NotificationTarget target, VerificationReference reference)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(target);
        var when = facts.From == facts.To ? "le " + FrenchDates.Short(facts.From) : "du " + FrenchDates.Short(facts.From) + " au " + FrenchDates.Short(facts.To);
        var contact = string.IsNullOrWhiteSpace(facts.Dpo.Phone) ? facts.Dpo.Email : facts.Dpo.Phone;
        var head = facts.OrganisationShort + " : incident de sécurité. Vos données (" + NoticeSentences.ExposedShort(target.Exposed) + ") ont été consultées " + when
            + ". Risque de faux messages à votre nom. Mesures : ";
        var tail = ". Nous ne demandons jamais mot de passe, coordonnées bancaires ni données de santé. Vérifiez ce SMS : tapez " + facts.PortalAddress
            + " dans votre navigateur, puis la référence " + reference + ". Contact : " + contact + ".";
        var measures = facts.Measures.Distinct().Select(NoticeSentences.MeasureShort).ToList();
        var shown = NoticeSentences.MeasureShort(facts.Measures[0]);
        foreach (var next in measures.Skip(1))
        {
            if (head.Length + shown.Length + 2 + next.Length + tail.Length > MaxLength)
            {
                break;
            }

            shown += ", " + next;
        }

        return head + shown + tail;
    }
}
