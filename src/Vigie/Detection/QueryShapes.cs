using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Registry;

namespace Vigie.Detection;

/// <summary>The shape of a query as the engine judges it (which traits, how exact), from each endpoint's own query type.</summary>
internal static class QueryShapes
{
    public static QueryShape Of(PdqmQuery q) => QueryShape.Of(
        q.Family, q.Given, q.BirthDateFrom is { } from && q.BirthDateTo == from ? from : null, q.Gender is not null, birthplace: false,
        q.Identifier?.Value, contact: false, exact: q.FamilyExact);

    public static QueryShape Of(IdentityTraits t) => QueryShape.Of(
        t.BirthName, t.FirstGivenName, t.BirthDate, t.Sex != Sex.Unknown, t.BirthplaceCode is not null, identifier: null,
        contact: t.Phones.Count > 0 || t.Emails.Count > 0, exact: true);

    public static QueryShape OfIdentifier(string value) => QueryShape.Of(null, null, null, gender: false, birthplace: false, value, contact: false, exact: true);
}
