using System.Globalization;
using Graph.Core.Model;

namespace Graph.Core.Store;

/// <summary>One source's figure for a quantity: an exact value or a range, with its unit.</summary>
public sealed record QuantityClaim(Evidence Evidence, decimal? Value, decimal? Min, decimal? Max, string? Unit)
{
    /// <summary>The figure as a reader would say it: "13221", "100–200 USD per month".</summary>
    public string Display
    {
        get
        {
            var number = Value is { } v ? Format(v) : $"{(Min is { } lo ? Format(lo) : "?")}–{(Max is { } hi ? Format(hi) : "?")}";
            return Unit is null ? number : $"{number} {Unit}";
        }
    }

    private static string Format(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A quantity of one edge that sources give differently; each side keeps its evidence.</summary>
public sealed record QuantityConflict(Relationship Relationship, string Quantity, IReadOnlyList<QuantityClaim> Claims);

/// <summary>
/// Finds quantities (count, amount) whose sources disagree. A figure is what the evidence says, falling back to the
/// edge's own attributes; two claims conflict when their values or ranges differ.
/// </summary>
public static class QuantityConflicts
{
    /// <summary>The conflicts on one edge.</summary>
    public static IEnumerable<QuantityConflict> Find(Relationship edge)
    {
        foreach (var quantity in new[] { "count", "amount" })
        {
            var claims = new List<QuantityClaim>();
            foreach (var evidence in edge.Evidence)
            {
                // Evidence without figures of its own stands for the edge's figures (its source gave them first).
                var a = edge.Attributes.Overlay(evidence.Attributes);
                var claim = quantity == "count"
                    ? Claim(evidence, a.Count, a.CountMin, a.CountMax, a.Personnel)
                    : Claim(evidence, a.Amount, a.AmountMin, a.AmountMax, Unit(a));
                if (claim is not null)
                {
                    claims.Add(claim);
                }
            }

            if (claims.Select(c => (c.Value, c.Min, c.Max)).Distinct().Count() > 1)
            {
                yield return new QuantityConflict(edge, quantity, claims);
            }
        }
    }

    private static QuantityClaim? Claim(Evidence evidence, decimal? value, decimal? min, decimal? max, string? unit) =>
        value is null && min is null && max is null ? null : new QuantityClaim(evidence, value, min, max, unit);

    private static string? Unit(EdgeAttributes a) =>
        a.Currency is null ? a.Period : a.Period is null ? a.Currency : $"{a.Currency} per {a.Period}";
}
