using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Api.Schema;
using Graph.GraphQL.Error;
using Graph.GraphQL.Pipeline;

namespace Graph.Api.Http.PersistedOperations;

/// <summary>
/// Trusted documents (persisted operations): the operations an integrator's build produced, by id, read once from the
/// file <c>Graph:Api:TrustedDocuments</c> names (<c>{ "&lt;sha256 hex&gt;": "&lt;operation text&gt;" }</c>, the
/// <c>persisted-documents.json</c> of GraphQL Code Generator's client preset). Each key must be the SHA-256 of its text,
/// so an id always means one text. Every transport passes its requests through <see cref="Apply"/>.
/// </summary>
public sealed class TrustedDocumentStore
{
    /// <summary>The code of a request whose document id is not in the file.</summary>
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The code of a request with query text when only trusted documents run.</summary>
    public const string Only = "PERSISTED_QUERY_ONLY";

    /// <summary>The code of a request with a document id when the server has no trusted documents.</summary>
    public const string NotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    private const string Sha256Prefix = "sha256:";
    private readonly Dictionary<string, string> _documents;

    private TrustedDocumentStore(Dictionary<string, string> documents, bool only)
    {
        _documents = documents;
        OnlyTrusted = only;
    }

    /// <summary>No trusted documents: query text runs, document ids are refused.</summary>
    public static TrustedDocumentStore None { get; } = new([], only: false);

    /// <summary>True when requests must name a trusted document.</summary>
    public bool OnlyTrusted { get; }

    /// <summary>How many documents are trusted.</summary>
    public int Count => _documents.Count;

    /// <summary>The store for the options (checked at start by the options validator, so a failure here is a bug).</summary>
    public static TrustedDocumentStore From(GraphApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustedDocuments))
        {
            return None;
        }

        var (documents, problem) = Load(options.TrustedDocuments);
        return problem is null ? new TrustedDocumentStore(documents!, options.TrustedDocumentsOnly) : throw new InvalidOperationException(problem);
    }

    /// <summary>Reads and checks the file: the documents by id, or what is wrong with it (naming the file).</summary>
    public static (Dictionary<string, string>? Documents, string? Problem) Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return (null, $"the trusted-documents file '{full}' does not exist.");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(full));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"'{full}' must hold a JSON object of \"<sha256 hex>\": \"<operation text>\" (got a JSON {json.RootElement.ValueKind.ToString().ToLowerInvariant()}).");
            }

            var documents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, $"'{full}': the entry \"{entry.Name}\" must be the operation's text as a string (got a JSON {entry.Value.ValueKind.ToString().ToLowerInvariant()}).");
                }

                var text = entry.Value.GetString()!;
                var id = entry.Name.StartsWith(Sha256Prefix, StringComparison.Ordinal) ? entry.Name[Sha256Prefix.Length..] : entry.Name;
                if (!string.Equals(id, Hash(text), StringComparison.OrdinalIgnoreCase))
                {
                    return (null, $"'{full}': the key \"{entry.Name}\" is not the SHA-256 (hex) of its operation text, so the id would not name that text; regenerate the file.");
                }

                documents[id.ToLowerInvariant()] = text;
            }

            return (documents, null);
        }
        catch (JsonException e)
        {
            return (null, $"'{full}' is not valid JSON: {e.Message}");
        }
        catch (IOException e)
        {
            return (null, $"'{full}' cannot be read: {e.Message}");
        }
    }

    /// <summary>The id of an operation text: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The request to run: a request naming a document gets its text; a request with text passes unless only trusted
    /// documents run. Otherwise the error (with its code) to answer with a 400, nothing having run.
    /// </summary>
    public (GraphQLRequest? Request, GraphQLError? Refusal) Apply(GraphQLRequest request)
    {
        if (request.DocumentId is not { } documentId)
        {
            return OnlyTrusted
                ? (null, ApiErrors.Coded(Only, "This server runs trusted documents only: send {\"documentId\": \"<sha256 of the operation>\"} instead of query text (the persisted-documents.json your build produced must be deployed with the server)."))
                : (request, null);
        }

        if (_documents.Count == 0 && !OnlyTrusted)
        {
            return (null, ApiErrors.Coded(NotSupported, $"This server has no trusted documents (Graph:Api:TrustedDocuments is not set), so the document id '{documentId}' cannot be looked up: send the operation's text in \"query\"."));
        }

        var id = documentId.StartsWith(Sha256Prefix, StringComparison.Ordinal) ? documentId[Sha256Prefix.Length..] : documentId;
        if (!_documents.TryGetValue(id.ToLowerInvariant(), out var text))
        {
            return (null, ApiErrors.Coded(NotFound, $"No trusted document has the id '{documentId}'. Ids are the SHA-256 (hex) of the operation text as listed in the deployed persisted-documents.json; rebuild and redeploy it with the client."));
        }

        if (request.Query.Length > 0 && request.Query != text)
        {
            return (null, ApiErrors.Coded(ErrorCodes.BadRequest, $"The request sends both a document id '{documentId}' and query text that differs from that document: send one of them."));
        }

        return (new GraphQLRequest
        {
            Query = text,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            AllowedOperations = request.AllowedOperations,
            DocumentId = documentId,
        }, null);
    }
}
