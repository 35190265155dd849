using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>Realistic facts and targets for notice tests.</summary>
internal static class NoticeSamples
{
    public static NoticeFacts Facts { get; } = new(
        "GRADeS Hauts-de-France (groupement régional d'appui au développement de la e-santé)",
        "GRADeS HDF",
        BreachKind.UsurpedProfessionalAccounts,
        new DateOnly(2025, 9, 1),
        new DateOnly(2025, 9, 12),
        new DateOnly(2025, 9, 14),
        [NoticeMeasure.AccountsBlocked, NoticeMeasure.SessionsRevoked, NoticeMeasure.MonitoringStrengthened, NoticeMeasure.AuthoritiesNotified, NoticeMeasure.ComplaintFiled],
        new DpoContact("dpo@gradeshdf.example", "03 20 00 00 00", ["Délégué à la protection des données", "2 rue de l'Exemple", "59000 Lille"]),
        "https://vigie.gradeshdf.example/verifier");

    public static NotificationTarget Target(string name = "Jeanne DUPONT", DisclosedData exposed = DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Email) =>
        new("p-1", name, "jeanne.dupont@exemple.fr", "06 12 34 56 78", new PostalAddress(["12 rue des Lilas"], "59000", "Lille", "FR"), exposed);

    public static VerificationReference Reference { get; } = VerificationReference.Generate(new Random(9).NextBytes);
}
