using System.Text.Json.Nodes;
using NJsonSchema;

namespace Marketplace.Api.Tests;

/// <summary>
/// The official OCDS 1.1 schemas with the bid extension applied (a JSON Merge Patch, RFC 7386, as OCDS tooling
/// applies extensions), read from the copies in Fixtures/ocds.
/// </summary>
public static class OcdsSchemas
{
    private static readonly Lazy<Task<(JsonSchema Package, JsonSchema Release)>> Schemas = new(LoadAsync);

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ocds", name));

    private static async Task<(JsonSchema, JsonSchema)> LoadAsync()
    {
        var release = JsonNode.Parse(Fixture("release-schema.json"))!.AsObject();
        MergePatch(release, JsonNode.Parse(Fixture("bid-extension-release-schema.json"))!.AsObject());
        release.Remove("id"); // a URL: nothing should be fetched from it
        var package = JsonNode.Parse(Fixture("release-package-schema.json"))!.AsObject();
        package.Remove("id");
        // The package names the release schema by its URL; each release is validated against the local copy instead.
        package["properties"]!["releases"]!["items"] = new JsonObject { ["type"] = "object" };
        return (await JsonSchema.FromJsonAsync(package.ToJsonString()), await JsonSchema.FromJsonAsync(release.ToJsonString()));
    }

    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null) target.Remove(key);
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject) MergePatch(targetObject, patchObject);
            else target[key] = value.DeepClone();
        }
    }

    /// <summary>Every schema error of a release package and of each of its releases (none when it conforms).</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string packageJson)
    {
        var (package, release) = await Schemas.Value;
        var errors = package.Validate(packageJson).Select(e => $"package {e.Path}: {e.Kind}").ToList();
        foreach (var item in JsonNode.Parse(packageJson)!["releases"]!.AsArray())
            errors.AddRange(release.Validate(item!.ToJsonString()).Select(e => $"release {e.Path}: {e.Kind}"));
        return errors;
    }
}
