namespace Graph.Ingest.Exchange;

/// <summary>The formats a graph is exported in; <see cref="Json"/> and <see cref="Csv"/> are read back too.</summary>
public enum ExchangeFormat
{
    /// <summary>GraphML (Gephi, yEd, NetworkX): actors as nodes, relationships as edges, typed keys.</summary>
    GraphMl,

    /// <summary>GEXF 1.3 (Gephi).</summary>
    Gexf,

    /// <summary>The CSV files <c>neo4j-admin database import</c> reads: nodes.csv and relationships.csv in a folder.</summary>
    Csv,

    /// <summary>The knowledge-file format (data/knowledge/README.md), document texts in a folder beside it.</summary>
    Json,

    /// <summary>A Cypher script of parameter-free MERGE statements for cypher-shell.</summary>
    Cypher,
}

/// <summary>Names, extensions and detection of <see cref="ExchangeFormat"/>s.</summary>
public static class ExchangeFormats
{
    /// <summary>The names accepted on the command line and in the API.</summary>
    public const string Allowed = "graphml, gexf, csv, json, cypher";

    /// <summary>Parses a format name, or throws naming the allowed ones.</summary>
    public static ExchangeFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "graphml" => ExchangeFormat.GraphMl,
        "gexf" => ExchangeFormat.Gexf,
        "csv" => ExchangeFormat.Csv,
        "json" => ExchangeFormat.Json,
        "cypher" => ExchangeFormat.Cypher,
        _ => throw new ExchangeFormatException($"Unknown format '{name}'; use one of {Allowed}."),
    };

    /// <summary>The format of a file or folder to import: a folder or a .csv file is CSV, a .json file a knowledge file.</summary>
    public static ExchangeFormat Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return ExchangeFormat.Csv;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => ExchangeFormat.Json,
            ".csv" => ExchangeFormat.Csv,
            ".graphml" or ".gexf" or ".cypher" => throw new ExchangeFormatException($"'{path}' is an export-only format; import reads a knowledge file (.json) or neo4j-admin CSV (a folder, or its nodes.csv)."),
            _ => throw new ExchangeFormatException($"Cannot tell the format of '{path}': import reads a knowledge file (.json) or neo4j-admin CSV (a folder, or its nodes.csv)."),
        };
    }
}

/// <summary>A file that is not in the format it claims, or a format that cannot be read back: the message says where and what.</summary>
public sealed class ExchangeFormatException(string message, Exception? inner = null) : Exception(message, inner);
