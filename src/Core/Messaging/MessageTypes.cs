using System.Collections.Frozen;
using System.Text.Json;
using Marketplace.Contracts;

namespace Marketplace.Core.Messaging;

/// <summary>
/// Maps the message types of the Contracts assembly to the stable names stored in the outbox, and back.
/// Only contract types can be stored, so the relay never instantiates an arbitrary type named in a row.
/// </summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> ByName = typeof(OrganisationRegistered).Assembly
        .GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace == typeof(OrganisationRegistered).Namespace
                    && t.GetProperty("EqualityContract", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null)
        .ToFrozenDictionary(NameOf, t => t);

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public static bool TryResolve(string name, out Type type) => ByName.TryGetValue(name, out type!);

    public static IReadOnlyCollection<Type> All => ByName.Values;
}
