using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;

namespace Graph.Api.Http.Subscriptions;

/// <summary>The JSON both transports send: execution results and error lists, in the engine's response format.</summary>
internal static class SubscriptionMessages
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>A graphql-transport-ws message: <c>{"id":..., "type":..., "payload": result}</c>.</summary>
    public static byte[] WithResult(string type, string id, ExecutionResult result) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", type);
        writer.WritePropertyName("payload");
        ExecutionResultJsonWriter.Write(writer, result);
        writer.WriteEndObject();
    });

    /// <summary>A graphql-transport-ws <c>error</c> message: the payload is the list of errors.</summary>
    public static byte[] Error(string id, IReadOnlyList<GraphQLError> errors) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", "error");
        writer.WriteStartArray("payload");
        foreach (var error in errors)
        {
            ExecutionResultJsonWriter.WriteError(writer, error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>A message with only a type (and an id when given).</summary>
    public static byte[] Plain(string type, string? id = null) => Write(writer =>
    {
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("type", type);
        writer.WriteEndObject();
    });

    /// <summary>A result as compact JSON (an SSE event's data).</summary>
    public static byte[] Result(ExecutionResult result) => Write(writer => ExecutionResultJsonWriter.Write(writer, result));

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
