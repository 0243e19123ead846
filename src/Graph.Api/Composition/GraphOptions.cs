using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Composition;

/// <summary>Which store holds the graph: the embedded SQLite file (default) or a Neo4j server.</summary>
public enum StoreKind
{
    Embedded,
    Neo4j,
}

/// <summary>
/// The <c>Graph</c> configuration section: store selection and seeding. Bound from appsettings.json, environment
/// variables (<c>Graph__Store=neo4j</c>, <c>Graph__Neo4j__Uri</c>) or switches (<c>--Graph:Store=neo4j</c>).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The store, chosen once at composition.</summary>
    public StoreKind Store { get; set; } = StoreKind.Embedded;

    public EmbeddedSection Embedded { get; set; } = new();

    public Neo4jSection Neo4j { get; set; } = new();

    public SeedSection Seed { get; set; } = new();

    /// <summary>Checks the options, naming what is wrong; called once at start.</summary>
    public void Validate()
    {
        if (Store == StoreKind.Neo4j && string.IsNullOrWhiteSpace(Neo4j.Uri))
        {
            throw new ValidationException("Graph:Store is neo4j but Graph:Neo4j:Uri is not set (e.g. Graph__Neo4j__Uri=http://localhost:7474).");
        }

        if (Store == StoreKind.Neo4j && !Uri.TryCreate(Neo4j.Uri, UriKind.Absolute, out _))
        {
            throw new ValidationException($"Graph:Neo4j:Uri '{Neo4j.Uri}' is not an absolute URI (e.g. http://localhost:7474).");
        }
    }

    /// <summary>Options of the embedded store.</summary>
    public sealed class EmbeddedSection
    {
        /// <summary>The SQLite file; empty means the per-user default.</summary>
        public string? Path { get; set; }
    }

    /// <summary>Options of the Neo4j store.</summary>
    public sealed class Neo4jSection
    {
        public string? Uri { get; set; }

        public string User { get; set; } = "neo4j";

        public string? Password { get; set; }

        public string Database { get; set; } = "neo4j";
    }

    /// <summary>Seeding the store with the seed documents' knowledge.</summary>
    public sealed class SeedSection
    {
        /// <summary>Seed an empty store when the server starts.</summary>
        public bool OnFirstStart { get; set; } = true;

        /// <summary>The knowledge file; empty means the copy shipped with the app (data/knowledge/seed-knowledge.json).</summary>
        public string? KnowledgePath { get; set; }

        /// <summary>The knowledge file to use.</summary>
        public string ResolvedKnowledgePath =>
            string.IsNullOrWhiteSpace(KnowledgePath)
                ? System.IO.Path.Combine(AppContext.BaseDirectory, "data", "knowledge", "seed-knowledge.json")
                : System.IO.Path.GetFullPath(KnowledgePath);
    }
}
