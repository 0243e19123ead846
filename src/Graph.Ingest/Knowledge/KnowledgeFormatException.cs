namespace Graph.Ingest.Knowledge;

/// <summary>A knowledge file is malformed; the message names the file, the JSON path and what is allowed.</summary>
public sealed class KnowledgeFormatException(string message, Exception? inner = null) : Exception(message, inner);
