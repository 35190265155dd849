using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>Every public type in Vigie.Core.Notices is immutable (see <see cref="Immutability"/>).</summary>
public sealed class NoticesTypesAreImmutableTests
{
    public static TheoryData<string> NoticeTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(VerificationReference).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Vigie.Core.Notices")
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void NoticesNamespace_HasPublicTypesToCheck() => Assert.True(NoticeTypes().Count >= 15);

    [Theory]
    [MemberData(nameof(NoticeTypes))]
    public void PublicNoticeType_IsImmutable(string typeName) =>
        Assert.Empty(Immutability.Violations(typeof(VerificationReference).Assembly.GetType(typeName, throwOnError: true)!));
}
