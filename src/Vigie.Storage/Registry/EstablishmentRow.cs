namespace Vigie.Storage.Registry;

/// <summary>
/// An establishment that feeds the registry. Its <see cref="IppSystem"/> is the identifier system of its
/// local patient ids (IPP): the PIXm "domain" of that establishment.
/// </summary>
public sealed class EstablishmentRow
{
    public required string Finess { get; set; }
    public required string Name { get; set; }
    public required string IppSystem { get; set; }
}
