using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>Patient ids are FHIR ids: [A-Za-z0-9\-\.]{1,64}.</summary>
public sealed class PatientIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("Patient-0001.v2")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void Parse_AcceptsFhirIds(string value)
    {
        var id = PatientId.Parse(value).Value;
        Assert.Equal(value, id.Value);
        Assert.Equal(value, id.ToString());
    }

    [Fact]
    public void Parse_Accepts64Characters() => Assert.True(PatientId.Parse(new string('x', 64)).Success);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Parse_RejectsMissingId(string? value) =>
        Assert.Equal("a patient id has 1 to 64 characters", PatientId.Parse(value).Error);

    [Fact]
    public void Parse_Rejects65Characters() =>
        Assert.Equal("a patient id has 1 to 64 characters", PatientId.Parse(new string('x', 65)).Error);

    [Theory]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("a/b")]
    [InlineData("Hélène")]
    [InlineData("\uFF21")] // full-width A is not an ASCII letter
    [InlineData("a\n")]
    public void Parse_RejectsCharactersOutsideFhirIds(string value) =>
        Assert.Equal("a patient id contains only letters, digits, '-' and '.'", PatientId.Parse(value).Error);
}
