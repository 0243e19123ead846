using Graph.Core.Ontology;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// What traversals need of an edge, packed so that filters run over an array of structs without building the
/// <see cref="Graph.Core.Model.Relationship"/> record: ends as dense actor ids, type, confidence, validity as day numbers,
/// and where its evidence sits in the index's evidence pool.
/// </summary>
internal struct EdgeData
{
    public int From;
    public int To;
    public RelationshipType Type;
    public bool Alive;
    public bool Symmetric;

    /// <summary>True when validFrom or validTo is set (a window filter keeps only these).</summary>
    public bool Dated;

    /// <summary>First day of validFrom, or <see cref="int.MinValue"/>.</summary>
    public int Start;

    /// <summary>Last day of validTo, or <see cref="int.MaxValue"/>.</summary>
    public int End;

    /// <summary>First of this edge's rows in <see cref="GraphIndex.EvidencePool"/>.</summary>
    public int EvidenceStart;

    public int EvidenceCount;

    public double Confidence;

    /// <summary>The end that is not <paramref name="actor"/>.</summary>
    public readonly int Other(int actor) => From == actor ? To : From;
}

/// <summary>
/// One evidence, compact: the quote is not kept (it is <c>document.Text[Start..End]</c>, checked verbatim on write),
/// the document, attributed actor and extractor are dense ids, the attributes stay as their JSON column until asked for.
/// Its edge is not kept either: every read comes from the edge (<see cref="EdgeData.EvidenceStart"/>), and a field for
/// it cost 8 bytes a row (40 bytes instead of 48).
/// </summary>
internal struct EvidenceData
{
    public int Document;
    public int Start;
    public int End;

    /// <summary>Actor seq, or 0 for none.</summary>
    public int AttributedTo;

    public double Confidence;

    /// <summary>Index into the index's extractor names (<see cref="GraphIndex.ExtractorId"/>).</summary>
    public int Extractor;

    public Graph.Core.Model.Stance Stance;

    /// <summary>The evidence's own attributes as stored: null when absent.</summary>
    public string? Attributes;
}
