using System.Globalization;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Documents;

/// <summary>The <c>DocumentIngestion</c> object type: how a document came in.</summary>
internal static class DocumentIngestionObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<StoredDocument>("DocumentIngestion", t => t
        .Description("How a document came in: its format, language and version chain.")
        .Field("format", Scalars.String.NonNull(), "The format it was read from: `text`, `markdown`, `html`, `pdf` or `docx`.", d => d.Format)
        .Field("language", Scalars.String, "ISO 639-1 language code, when known.", d => d.Language)
        .Field("publisherName", Scalars.String, "The publisher as the document or the caller named it.", d => d.PublisherName)
        .Field("source", Scalars.String, "Where it was read from: a file name, a URL, `stdin` or `api`.", d => d.Source)
        .Field("version", Scalars.Int.NonNull(), "1 for the first text seen at its URL, then 2, 3...", d => d.Version)
        .Field("previousVersion", Types.Ref("Document"), f => f
            .Description("The document this version replaces (same URL, different text), if any.")
            .ResolveAsync(async (d, c) => d.PreviousVersion is { } id ? await GraphRequestContext.Of(c).Documents(c).LoadAsync(id).ConfigureAwait(false) : null))
        .Field("ingestedAt", Scalars.String.NonNull(), "When it was ingested (ISO 8601, UTC).", d => d.IngestedAt.ToString("O", CultureInfo.InvariantCulture)));
}
