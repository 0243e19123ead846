using Graph.Api.Composition;
using Graph.Api.Schema.Review;
using Graph.Core.Model;
using Graph.Extraction.Reading;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;
using Graph.Ingest.Ingestion;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>ingestDocument</c> mutation: reads a document, stores it and queues what is read from it for review.</summary>
internal static class IngestDocumentField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("ingestDocument", Types.Ref("IngestDocumentPayload"), f => f
            .Description("Reads a document (text, Markdown, HTML, PDF or DOCX), stores it with its metadata and content hash, and queues what the extractor reads from it for review. The same text twice does nothing and says so.")
            .Argument("input", Types.Ref("IngestDocumentInput").NonNull(), a => a.Description("The document and its metadata."))
            .Resolve(MutationObject.Write(IngestDocumentAsync)));

    private static async Task<object?> IngestDocumentAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var text = input.Text("text", maxLength: int.MaxValue);
        var base64 = input.Text("contentBase64", maxLength: int.MaxValue);
        var fileName = input.Text("fileName", maxLength: 255);
        if ((text is null) == (base64 is null))
        {
            input.Problem("text", "give exactly one of 'text' (the document as text) and 'contentBase64' (the file's bytes in base64).");
        }

        byte[] bytes = [];
        if (base64 is not null)
        {
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                input.Problem("contentBase64", "is not valid base64 (RFC 4648: A-Z, a-z, 0-9, '+', '/', '=' padding).");
            }
        }
        else if (text is not null)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(text);
        }

        var threshold = input.Float("autoAcceptAbove");
        if (threshold is < 0 or > 1)
        {
            input.Problem("autoAcceptAbove", $"must be between 0 and 1; got {threshold}.");
        }

        input.ThrowIfAny();
        var source = fileName ?? "api";
        try
        {
            return await ReadAndIngestAsync(c, input, source, bytes, fileName ?? (text is not null ? ".txt" : null), threshold).ConfigureAwait(false);
        }
        catch (DocumentReadException e)
        {
            throw ApiErrors.Coded(ApiErrors.BadUserInput, e.Message);
        }
    }

    private static async Task<object?> ReadAndIngestAsync(IResolveFieldContext c, InputReader input, string source, byte[] bytes, string? formatHint, double? threshold)
    {
        var overrides = DocumentMetadata.Parse(source, input.Text("title", maxLength: 500), input.Text("publisher"), input.Text("url", maxLength: 2_000), language: input.Text("language", maxLength: 20))
            with
        { Published = input.Value("published") as PartialDate? };
        var settings = c.Services!.GetRequiredService<IOptions<IngestSettings>>().Value;
        var read = DocumentReader.Read(bytes, source, IngestionComposition.ReadOptionsFor(settings, overrides, formatHint));
        return await ProposalPages.Ingestion(c).IngestAsync(read, new IngestRequest(overrides, threshold), c.CancellationToken).ConfigureAwait(false);
    }
}
