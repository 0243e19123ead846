using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// What traversals need of an edge, packed so that filters run over an array of structs without touching the
/// <see cref="Relationship"/> record: ends as dense actor ids, type, confidence and validity as day numbers.
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

    public double Confidence;

    public static EdgeData For(Relationship edge, int from, int to)
    {
        var attributes = edge.Attributes;
        return new EdgeData
        {
            From = from,
            To = to,
            Type = edge.Type,
            Alive = true,
            Symmetric = edge.Rule.Symmetric,
            Dated = attributes.ValidFrom is not null || attributes.ValidTo is not null,
            Start = attributes.ValidFrom is { } start ? start.Start.DayNumber : int.MinValue,
            End = attributes.ValidTo is { } end ? end.End.DayNumber : int.MaxValue,
            Confidence = edge.Confidence,
        };
    }

    /// <summary>The end that is not <paramref name="actor"/>.</summary>
    public readonly int Other(int actor) => From == actor ? To : From;
}
