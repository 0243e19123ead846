namespace Graph.Extraction.Extractors.Model;

/// <summary>
/// Settings for the optional language-model extractor (<see cref="ChatClientExtractor"/>). Off by default: the rule
/// extractor needs nothing, a model needs an endpoint. Bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class ModelExtractorOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Graph:Extraction:Model";

    /// <summary>Default for <see cref="MaxChunkChars"/>: a few pages of news text, small enough for 8k-token contexts.</summary>
    public const int DefaultMaxChunkChars = 12_000;

    /// <summary>True to extract with the model; false (the default) leaves the rule extractor alone in charge.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base address of an OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c> for Ollama; null for OpenAI's own.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model id sent with every request and written on proposals (<c>model/&lt;id&gt;</c>).</summary>
    public string? Model { get; set; }

    /// <summary>The API key; local servers usually accept any non-empty text.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request (one chunk) may take before extraction fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest chunk of document text sent in one request; longer documents are split on paragraph boundaries.</summary>
    public int MaxChunkChars { get; set; } = DefaultMaxChunkChars;
}
