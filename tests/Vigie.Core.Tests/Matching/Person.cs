using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

/// <summary>Short-hand for identities written out in a test.</summary>
internal static class Person
{
    public static IdentityTraits Traits(
        string birthName = "DUPONT",
        string firstGiven = "MARIE",
        string? givenNames = null,
        DateOnly? birthDate = null,
        Sex sex = Sex.Female,
        string? birthplace = "75056",
        string? usedName = null,
        string[]? phones = null,
        string[]? emails = null,
        PostalAddress? address = null) =>
        new(
            birthName,
            firstGiven,
            givenNames ?? firstGiven,
            birthDate ?? new DateOnly(1980, 3, 5),
            sex,
            birthplace,
            usedName,
            phones ?? [],
            emails ?? [],
            address);

    public static MatchRecord Record(
        string birthName = "DUPONT",
        string firstGiven = "MARIE",
        string? givenNames = null,
        DateOnly? birthDate = null,
        Sex sex = Sex.Female,
        string? birthplace = "75056",
        string? usedName = null,
        string[]? phones = null,
        string[]? emails = null,
        PostalAddress? address = null) =>
        MatchRecord.From(Traits(birthName, firstGiven, givenNames, birthDate, sex, birthplace, usedName, phones, emails, address));
}
