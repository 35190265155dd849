using Vigie.Core.Incidents;

namespace Vigie.Core.Tests.Incidents;

/// <summary>Every public type in Vigie.Core.Incidents is immutable (see <see cref="Immutability"/>): a scope handed to a declaration cannot change under it.</summary>
public sealed class IncidentTypesAreImmutableTests
{
    public static TheoryData<string> IncidentTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Incident).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Vigie.Core.Incidents")
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void IncidentNamespace_HasPublicTypesToCheck() => Assert.True(IncidentTypes().Count >= 30);

    [Theory]
    [MemberData(nameof(IncidentTypes))]
    public void PublicIncidentType_IsImmutable(string typeName) =>
        Assert.Empty(Immutability.Violations(typeof(Incident).Assembly.GetType(typeName, throwOnError: true)!));
}
