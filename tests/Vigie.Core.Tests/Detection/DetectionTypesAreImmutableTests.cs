using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Every public value of Vigie.Core.Detection is immutable (see <see cref="Immutability"/>); only the engine holds state.</summary>
public sealed class DetectionTypesAreImmutableTests
{
    public static TheoryData<string> DetectionValues()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(RiskEngine).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Vigie.Core.Detection" && t != typeof(RiskEngine) && !t.IsInterface)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void DetectionNamespace_HasPublicValuesToCheck() => Assert.True(DetectionValues().Count >= 15);

    [Theory]
    [MemberData(nameof(DetectionValues))]
    public void PublicDetectionValue_IsImmutable(string typeName) =>
        Assert.Empty(Immutability.Violations(typeof(RiskEngine).Assembly.GetType(typeName, throwOnError: true)!));
}
