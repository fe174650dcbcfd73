using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Xunit.Abstractions;

namespace Marketplace.Api.Tests;

/// <summary>
/// Malformed requests to every operation of the running Api's OpenAPI document, as a signed-in member of the right kind
/// of organisation (or an operator), and once without a token (401 where the document says a token is needed): wrong types, missing required fields, 100,000-character strings, negative and huge
/// numbers, invalid UTF-8, deep nesting, wrong content types, empty bodies, unknown enum values, nulls in arrays, ids
/// that are not ids. No answer may be a 5xx (an answer the document does not list is one: see DocumentedAnswers), every
/// 4xx is a problem+json, and an operation that answered only 4xx left its organisations' rows as they were. A new
/// operation is fuzzed the moment it is mapped.
/// </summary>
public sealed class FuzzedRequests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private sealed record Variant(string What, HttpContent? Body, string? Query = null, string? PathValue = null);

    [Fact]
    public async Task No_malformed_request_gets_a_5xx_or_an_error_without_problem_details_or_changes_anything()
    {
        var client = await People.SignedInAsync(Api);
        var clientOrganisation = await client.CreateOrganisationAsync("client");
        var vendor = await People.SignedInAsync(Api);
        var vendorOrganisation = await vendor.CreateOrganisationAsync("vendor");
        var platformOperator = await People.OperatorAsync(Api);
        var asClient = client.Client(clientOrganisation);
        var asVendor = vendor.Client(vendorOrganisation);
        var asOperator = platformOperator.Client();
        var anonymous = Api.CreateClient();
        // Real objects where a path takes them, so that bodies reach the handlers and not only the 404 of an unknown id.
        var draft = (await (await asClient.PostAsJsonAsync("/api/v1/rfps", new { title = "ファズ用の RFP" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var task = (await (await asClient.PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "月次給与計算", frequency = "monthly", hoursPerMonth = 60, monthlyVolume = 1000, expertise = "medium", substitutability = "hard",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var ids = new Dictionary<string, string>
        {
            ["rfpId"] = draft, ["taskId"] = task, ["organisationId"] = clientOrganisation.ToString(),
            ["slug"] = "no-such-vendor", ["month"] = "2026-01",
        };

        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var histogram = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var id = operation["operationId"]!.GetValue<string>();
                var http = path.StartsWith("/api/v1/operator") ? asOperator
                    : path.StartsWith("/api/v1/vendor") ? asVendor
                    : asClient;
                var before = await SnapshotAsync(clientOrganisation, vendorOrganisation);
                var succeeded = false;
                var secured = operation["security"]?.AsArray().Count > 0;
                // Without a token, with a body of the operation's content type (the wrong one answers 415 before any sign-in).
                var content = operation["requestBody"]?["content"]?.AsObject();
                HttpContent? anyBody = content?.ContainsKey("multipart/form-data") == true ? new MultipartFormDataContent()
                    : content?.ContainsKey("application/json") == true ? Json("{}") : null;
                foreach (var variant in Variants(operation, schemas).Prepend(new Variant("without a token", anyBody)))
                {
                    var target = Regex.Replace(path, @"\{(?<name>[^}]+)\}", m => variant.PathValue ?? ids.GetValueOrDefault(m.Groups["name"].Value, Guid.NewGuid().ToString()));
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target + variant.Query) { Content = variant.Body };
                    using var response = await (variant.What == "without a token" ? anonymous : http).SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    histogram[status] = histogram.GetValueOrDefault(status) + 1;
                    succeeded |= status < 400;
                    var undocumented = response.Headers.TryGetValues(DocumentedAnswers.Header, out var why) ? $" ({why.First()})" : "";
                    if (variant.What == "without a token" && secured && status != 401)
                        failures.Add($"{id} {variant.What}: {status}, not 401");
                    if (status >= 500)
                        failures.Add($"{id} {variant.What}: {status}{undocumented}");
                    else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{id} {variant.What}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no body"}");
                }
                if (!succeeded && before != await SnapshotAsync(clientOrganisation, vendorOrganisation))
                    failures.Add($"{id}: changed the organisations' rows although every answer was a 4xx");
            }

        output.WriteLine($"{sent} requests; statuses: {string.Join(", ", histogram.Select(h => $"{h.Key}×{h.Value}"))}");
        Assert.True(sent > 1500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent}:\n" + string.Join("\n", failures.Take(80)));
    }

    /// <summary>Every malformed variant of one operation.</summary>
    private static IEnumerable<Variant> Variants(JsonObject operation, JsonObject schemas)
    {
        foreach (var parameter in operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [])
        {
            var name = parameter["name"]!.GetValue<string>();
            var location = parameter["in"]!.GetValue<string>();
            var type = Resolve(parameter["schema"], schemas);
            if (location == "path")
            {
                // (A NUL in the path never reaches the Api: Kestrel refuses the request line itself.)
                foreach (var notAnId in new[] { "not-a-guid", "-1", "%FF%FE", "..%2F..%2Fetc", new string('9', 5000) })
                    yield return new($"path {name}={notAnId[..Math.Min(12, notAnId.Length)]}", null, PathValue: notAnId);
            }
            else if (location == "query")
            {
                foreach (var value in new[] { "not-a-value", "-1", "99999999999999999999999999", "%FF%FE", "" })
                    yield return new($"query {name}={value}", null, Query: $"?{name}={value}");
                if (TypeOf(type) == "string") yield return new($"query {name} long", null, Query: $"?{name}={new string('x', 4000)}");
            }
        }

        if (operation["requestBody"]?["content"] is not JsonObject content) yield break;
        if (content.ContainsKey("multipart/form-data"))
        {
            yield return new("multipart sent as JSON", Json("{}"));
            yield return new("empty multipart", new MultipartFormDataContent());
            var disguised = new MultipartFormDataContent();
            disguised.Add(new ByteArrayContent("MZ\u0090\0 not a document"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "evidence.pdf");
            yield return new("executable named .pdf", disguised);
            yield break;
        }
        if (content["application/json"]?["schema"] is not { } bodySchema) yield break;
        var schema = Resolve(bodySchema, schemas);

        yield return new("text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
        yield return new("no content type", new ByteArrayContent("{}"u8.ToArray()));
        yield return new("empty body", Json(""));
        yield return new("null body", Json("null"));
        yield return new("truncated", Json("{\"a\": "));
        yield return new("other shape", Json(TypeOf(schema) == "array" ? "{}" : "[]"));
        yield return new("deep nesting", Json(new string('[', 10_000) + new string(']', 10_000)));
        yield return new("invalid UTF-8", new ByteArrayContent([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'])
        {
            Headers = { ContentType = new("application/json") },
        });
        if (TypeOf(schema) != "object" || schema["properties"] is not JsonObject properties) yield break;

        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (property, propertyNode) in properties)
        {
            var propertySchema = Resolve(propertyNode, schemas);
            foreach (var (what, value) in Mutations(propertySchema, schemas))
            {
                var body = (JsonObject)Baseline(schema, schemas, 0)!;
                body[property] = value;
                yield return new($"{property}: {what}", Json(body.ToJsonString()));
            }
            if (required.Contains(property))
            {
                var body = (JsonObject)Baseline(schema, schemas, 0)!;
                body.Remove(property);
                yield return new($"{property} missing", Json(body.ToJsonString()));
            }
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> Mutations(JsonObject schema, JsonObject schemas)
    {
        yield return ("null", null);
        switch (TypeOf(schema))
        {
            case "string":
                yield return ("a number", 12345);
                yield return ("100,000 characters", new string('長', 100_000));
                if (schema["format"]?.GetValue<string>() is "uuid") yield return ("not a uuid", "not-a-guid");
                if (schema["format"]?.GetValue<string>() is "date" or "date-time") yield return ("not a date", "2026-13-45");
                if (schema["enum"] is not null || schema["format"] is null) yield return ("an unknown value", "no-such-value");
                break;
            case "integer" or "number":
                yield return ("text", "abc");
                yield return ("negative", -1);
                yield return ("huge", JsonNode.Parse("1e30"));
                yield return ("a fraction", 1.5);
                break;
            case "boolean":
                yield return ("text", "yes");
                break;
            case "array":
                yield return ("an object", new JsonObject { ["x"] = 1 });
                yield return ("a null item", new JsonArray((JsonNode?)null));
                yield return ("a wrong item", new JsonArray(new JsonObject { ["x"] = new JsonArray() }, 1, "x"));
                yield return ("10,000 items", new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create("x")).ToArray()));
                break;
            case "object":
                yield return ("text", "text");
                yield return ("an array", new JsonArray(1, 2));
                break;
        }
    }

    /// <summary>A value that has the schema's shape, for the fields that are not the one being broken.</summary>
    private static JsonNode? Baseline(JsonObject schema, JsonObject schemas, int depth)
    {
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < 3 && schema["properties"] is JsonObject properties)
                    foreach (var (name, property) in properties)
                        result[name] = Baseline(Resolve(property, schemas), schemas, depth + 1);
                return result;
            case "array":
                return depth < 3 && schema["items"] is { } items ? new JsonArray(Baseline(Resolve(items, schemas), schemas, depth + 1)) : new JsonArray();
            case "integer" or "number":
                return 1;
            case "boolean":
                return false;
            case "string":
                if (schema["enum"] is JsonArray values && values.Count > 0) return values[0]?.DeepClone();
                return schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date" => "2026-04-01",
                    "date-time" => "2026-04-01T09:00:00+09:00",
                    "email" => "fuzz@example.jp",
                    _ => "x",
                };
            default:
                return null;
        }
    }

    /// <summary>The schema behind a $ref (and the first choice of a oneOf/anyOf), as an object.</summary>
    private static JsonObject Resolve(JsonNode? node, JsonObject schemas)
    {
        for (var hops = 0; hops < 10 && node is JsonObject o; hops++)
        {
            if (o["$ref"]?.GetValue<string>() is { } reference) node = schemas[reference.Split('/')[^1]];
            else if ((o["oneOf"] ?? o["anyOf"]) is JsonArray choices && choices.FirstOrDefault(c => TypeOf(c as JsonObject) != "null") is { } choice) node = choice;
            else return o;
        }
        return node as JsonObject ?? new JsonObject();
    }

    /// <summary>"string" for {"type": ["null", "string"]} as for {"type": "string"}.</summary>
    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A fingerprint of every row that belongs to the two organisations, in every table that names its organisation.</summary>
    private static async Task<string> SnapshotAsync(params Guid[] organisations)
    {
        await using var owner = await Database.OpenOwnerConnectionAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name", owner))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        // One statement for every table: a hash of each table's rows of these organisations.
        var sql = string.Join(" || ';' || ", tables.Select(table =>
            $"(SELECT '{table}=' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \"{table}\" t WHERE organisation_id = ANY(@o))"));
        await using var hash = new Npgsql.NpgsqlCommand("SELECT " + sql, owner);
        hash.Parameters.AddWithValue("o", organisations);
        return (string)(await hash.ExecuteScalarAsync())!;
    }
}
