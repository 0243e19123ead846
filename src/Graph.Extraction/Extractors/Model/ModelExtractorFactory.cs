using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Graph.Extraction.Extractors.Model;

/// <summary>
/// Builds the model extractor from <see cref="ModelExtractorOptions"/> over an OpenAI-compatible chat endpoint
/// (OpenAI itself, Ollama's <c>/v1</c>, vLLM, llama.cpp's server, ...).
/// </summary>
public static class ModelExtractorFactory
{
    /// <summary>
    /// An <see cref="IChatClient"/> for the options' endpoint and model. Throws when <see cref="ModelExtractorOptions.Model"/>
    /// is missing or <see cref="ModelExtractorOptions.Endpoint"/> is not an absolute URI. The caller disposes it.
    /// </summary>
    public static IChatClient Create(ModelExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new ArgumentException($"{ModelExtractorOptions.SectionName}:Model must name the model to ask (e.g. 'llama3.1').", nameof(options));
        }

        var clientOptions = new OpenAIClientOptions();
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException($"{ModelExtractorOptions.SectionName}:Endpoint must be an absolute URI (e.g. 'http://localhost:11434/v1'); got '{options.Endpoint}'.", nameof(options));
            }

            clientOptions.Endpoint = endpoint;
        }

        if (options.Timeout > TimeSpan.Zero)
        {
            // The extractor enforces the timeout per request; the transport's own must not cut in first.
            clientOptions.NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5);
        }

        // Local servers ignore the key but the client refuses an empty one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
        return new ChatClient(options.Model.Trim(), new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }
}
