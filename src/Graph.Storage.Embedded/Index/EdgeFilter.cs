using Graph.Core.Store;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// A <see cref="RelationshipFilter"/> compiled for the hot loop: a type bit mask, the window as day numbers.
/// Gives the same answers as <see cref="RelationshipFilter.Matches"/> and <see cref="RelationshipFilter.AllowsDirection"/>.
/// </summary>
internal readonly struct EdgeFilter
{
    private readonly uint _types;
    private readonly bool _window;
    private readonly int _windowStart;
    private readonly int _windowEnd;
    private readonly double _minConfidence;
    private readonly Graph.Core.Model.DocumentId? _document;

    public EdgeFilter(RelationshipFilter filter)
    {
        _types = uint.MaxValue;
        if (filter.Types is { Count: > 0 } types)
        {
            _types = 0;
            foreach (var type in types)
            {
                _types |= 1u << (int)type;
            }
        }

        Direction = filter.Direction;
        _window = filter.From is not null || filter.To is not null;
        _windowStart = filter.From is { } from ? from.Start.DayNumber : int.MinValue;
        _windowEnd = filter.To is { } to ? to.End.DayNumber : int.MaxValue;
        _minConfidence = filter.MinConfidence ?? double.NegativeInfinity;
        _document = filter.Document;
    }

    public Direction Direction { get; }

    /// <summary>True when every edge passes in either direction, so a walk need not read the edges at all.</summary>
    public bool AllowsAll => Direction == Direction.Both && _types == uint.MaxValue && !_window && double.IsNegativeInfinity(_minConfidence) && _document is null;

    /// <summary>Every condition but direction.</summary>
    public bool Passes(in EdgeData edge, GraphIndex index, int seq)
    {
        if ((_types & (1u << (int)edge.Type)) == 0 || edge.Confidence < _minConfidence)
        {
            return false;
        }

        if (_window && (!edge.Dated || edge.Start > _windowEnd || edge.End < _windowStart))
        {
            return false;
        }

        return _document is not { } document || index.Cites(seq, document);
    }

    /// <summary>True when the edge may be walked away from <paramref name="at"/>.</summary>
    public bool WalksFrom(in EdgeData edge, int at) =>
        Direction == Direction.Both || edge.Symmetric || (Direction == Direction.Outgoing ? edge.From == at : edge.To == at);

    /// <summary>True when the edge may be walked into <paramref name="at"/> (a backward search from a path's end).</summary>
    public bool WalksInto(in EdgeData edge, int at) =>
        Direction == Direction.Both || edge.Symmetric || (Direction == Direction.Outgoing ? edge.To == at : edge.From == at);
}
