using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Text;
using Vigie.Core.Notices;

namespace Vigie.Detection;

/// <summary>
/// "Was this you?": the email that tells professionals, outside Vigie's sessions, that their account or one of their
/// sessions was suspended. French, plain text only; no link (the portal address, when configured, is printed as text
/// to type), no patient data, no reason code, no token; one verification reference the owner can check on the
/// public portal like any notice (decision 0008). Everything is a function of the stored notification, so a message
/// sent again after a failure is the same message (same Message-ID).
/// </summary>
internal static class OwnerNotice
{
    public const string Subject = "Vigie : activité inhabituelle sur votre compte professionnel – était-ce vous ?";

    public static MimeMessage Build(MailboxAddress from, string address, bool account, DateTimeOffset suspendedAt, TimeZoneInfo zone,
        VerificationReference reference, Uri? portal, string messageId, DateTimeOffset plannedAt)
    {
        var message = new MimeMessage { Subject = Subject, MessageId = messageId, Date = plannedAt };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(null, address));

        // RFC 3834: no auto-replies (absence notices) back to the relay.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, Text(account, TimeZoneInfo.ConvertTime(suspendedAt, zone), reference, portal));
        message.Body = text;
        return message;
    }

    public static string Text(bool account, DateTimeOffset localTime, VerificationReference reference, Uri? portal)
    {
        // The host runs with invariant globalization: French dates come from the notices' own table.
        var when = FrenchDates.Long(DateOnly.FromDateTime(localTime.DateTime)) + " à " + localTime.ToString("HH'h'mm", CultureInfo.InvariantCulture);
        var what = account ? "votre compte professionnel" : "une session ouverte avec votre compte professionnel";
        var check = portal is null
            ? "sur le portail de vérification de votre serveur régional d'identités (page « verifier »)"
            : "en tapant vous-même l'adresse " + portal.Host + portal.AbsolutePath + " dans votre navigateur";
        return $"""
            Bonjour,

            Le {when}, le serveur régional d'identités Vigie a suspendu {what} : l'activité observée ne ressemblait pas à votre manière habituelle de travailler.

            Si c'était vous, il n'y a rien d'autre à faire que de contacter le responsable de la sécurité de votre établissement, qui lèvera la suspension après vérification.

            Si ce n'était pas vous, quelqu'un utilise peut-être vos identifiants ou votre carte. Prévenez sans attendre le responsable de la sécurité de votre établissement ou votre service informatique, par un moyen que vous connaissez déjà, et non en répondant à ce message.

            Ce message ne contient aucun lien. Il ne vous demande ni mot de passe, ni code, ni aucune information : un message qui vous en demanderait au nom de Vigie est une imitation.

            Pour vérifier que ce message vient bien de nous, saisissez sa référence {check}.

            Référence : {reference}

            Message automatique, merci de ne pas y répondre.
            """;
    }
}
