using Vigie.Core.Journal;

namespace Vigie.Core.Notices;

/// <summary>The fixed French sentences notices are made of; the composers only choose among them and fill in values.</summary>
internal static class NoticeSentences
{
    public static string Exposed(DisclosedData exposed)
    {
        var parts = new List<string>();
        if (exposed.HasFlag(DisclosedData.Identity) || exposed == DisclosedData.None)
        {
            parts.Add("vos nom et prénoms, votre date et votre lieu de naissance, votre sexe et, le cas échéant, votre identifiant national de santé (INS)");
        }

        if (exposed.HasFlag(DisclosedData.Phone))
        {
            parts.Add("votre numéro de téléphone");
        }

        if (exposed.HasFlag(DisclosedData.Email))
        {
            parts.Add("votre adresse électronique");
        }

        if (exposed.HasFlag(DisclosedData.Address))
        {
            parts.Add("votre adresse postale");
        }

        return JoinFrench(parts);
    }

    public static string ExposedShort(DisclosedData exposed)
    {
        var parts = new List<string> { "identité" };
        if (exposed.HasFlag(DisclosedData.Phone))
        {
            parts.Add("téléphone");
        }

        if (exposed.HasFlag(DisclosedData.Email))
        {
            parts.Add("courriel");
        }

        if (exposed.HasFlag(DisclosedData.Address))
        {
            parts.Add("adresse");
        }

        return string.Join(", ", parts);
    }

    public static string Nature(NoticeFacts facts)
    {
        var when = facts.From == facts.To
            ? "Le " + FrenchDates.Long(facts.From)
            : "Entre le " + FrenchDates.Long(facts.From) + " et le " + FrenchDates.Long(facts.To);
        return facts.Kind switch
        {
            BreachKind.UsurpedProfessionalAccounts => when + ", des personnes non autorisées ont utilisé des comptes de professionnels de santé, dont elles avaient volé les accès, pour consulter le serveur régional d'identité des patients de " + facts.Organisation + ".",
            _ => when + ", des personnes non autorisées ont accédé au serveur régional d'identité des patients de " + facts.Organisation + ".",
        };
    }

    public static IEnumerable<string> Consequences(DisclosedData exposed)
    {
        yield return "Ces informations peuvent servir à vous envoyer des messages frauduleux qui citent votre nom ou votre date de naissance pour paraître crédibles (hameçonnage), ou à tenter d'usurper votre identité.";
        if (exposed.HasFlag(DisclosedData.Phone))
        {
            yield return "Vous pourriez recevoir des appels ou des SMS frauduleux.";
        }

        if (exposed.HasFlag(DisclosedData.Email))
        {
            yield return "Vous pourriez recevoir des courriels frauduleux.";
        }

        if (exposed.HasFlag(DisclosedData.Address))
        {
            yield return "Vous pourriez recevoir des courriers frauduleux.";
        }
    }

    public static string Measure(NoticeMeasure measure) => measure switch
    {
        NoticeMeasure.AccountsBlocked => "Les comptes utilisés ont été bloqués.",
        NoticeMeasure.SessionsRevoked => "Les sessions ouvertes avec ces comptes ont été fermées.",
        NoticeMeasure.ContactAccessRestricted => "L'accès aux coordonnées des patients est désormais réservé aux professionnels qui en ont besoin pour leur travail.",
        NoticeMeasure.MonitoringStrengthened => "Les consultations du serveur sont désormais surveillées en continu, et les comportements anormaux sont bloqués automatiquement.",
        NoticeMeasure.AuthoritiesNotified => "La Commission nationale de l'informatique et des libertés (CNIL) et les autorités sanitaires ont été informées.",
        NoticeMeasure.ComplaintFiled => "Une plainte a été déposée.",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static string MeasureShort(NoticeMeasure measure) => measure switch
    {
        NoticeMeasure.AccountsBlocked => "comptes bloqués",
        NoticeMeasure.SessionsRevoked => "sessions fermées",
        NoticeMeasure.ContactAccessRestricted => "accès restreint",
        NoticeMeasure.MonitoringStrengthened => "surveillance renforcée",
        NoticeMeasure.AuthoritiesNotified => "CNIL informée",
        NoticeMeasure.ComplaintFiled => "plainte déposée",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static IReadOnlyList<string> Advice() =>
    [
        "Méfiez-vous de tout message inattendu (courriel, SMS, appel ou courrier) qui se présente comme venant de nous, d'un hôpital ou de l'Assurance maladie, même s'il cite votre nom ou votre date de naissance.",
        "Nous ne vous demanderons jamais votre mot de passe, vos coordonnées bancaires ni des informations sur votre santé, que ce soit par courriel, par SMS, par téléphone ou par courrier.",
        "Ne cliquez sur aucun lien et n'ouvrez aucune pièce jointe d'un message suspect ; ne rappelez jamais le numéro qu'il indique.",
        "Signalez un message suspect sur notre site de vérification (adresse ci-dessous, rubrique « Signaler un message »), transférez les SMS frauduleux au 33700, et consultez cybermalveillance.gouv.fr pour être aidé.",
    ];

    public static string JoinFrench(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " et " + parts[^1],
    };
}
