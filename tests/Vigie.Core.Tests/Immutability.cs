using System.Reflection;
using System.Runtime.CompilerServices;

namespace Vigie.Core.Tests;

/// <summary>
/// The immutability rule for public Core types: an enum, a static class without mutable static state, a readonly
/// struct, or a sealed record; every field readonly, no setter but init, no exposed mutable collection.
/// </summary>
internal static class Immutability
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static List<string> Violations(Type type)
    {
        var violations = new List<string>();
        if (type.IsEnum)
        {
            return violations;
        }

        if (type.IsAbstract && type.IsSealed)
        {
            violations.AddRange(type.GetFields(Declared).Where(f => !f.IsLiteral && !f.IsInitOnly).Select(f => $"static field {f.Name} is mutable"));
            return violations;
        }

        if (type.IsValueType)
        {
            if (!type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false))
            {
                violations.Add("a struct must be a readonly struct");
            }
        }
        else if (type.GetMethod("<Clone>$") is null)
        {
            violations.Add("a class must be a record (or a static class)");
        }
        else if (!type.IsSealed)
        {
            violations.Add("a record must be sealed, or a subclass could add mutable state");
        }

        violations.AddRange(type.GetFields(Declared).Where(f => !f.IsLiteral && !f.IsInitOnly).Select(f => $"field {f.Name} is not readonly"));
        violations.AddRange(type.GetProperties(Declared)
            .Where(p => p.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"property {p.Name} has a setter other than init"));
        violations.AddRange(type.GetProperties(Declared)
            .Where(p => p.GetMethod is { IsPublic: true } && (p.PropertyType.IsArray || IsMutableCollection(p.PropertyType)))
            .Select(p => $"property {p.Name} exposes a mutable collection"));
        return violations;
    }

    private static bool IsMutableCollection(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
}
