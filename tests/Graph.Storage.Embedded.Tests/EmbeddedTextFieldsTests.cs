using Graph.Core.Model;
using Graph.Storage.Embedded.Storage;

namespace Graph.Storage.Tests.Embedded;

/// <summary>Attributes as their JSON column: the writer is reused per thread, so one value must never leak into the next.</summary>
public sealed class EmbeddedTextFieldsTests
{
    [Fact]
    public void Each_value_is_written_alone_after_a_longer_one_and_reads_back_equal()
    {
        var long_ = new EdgeAttributes { ValidFrom = PartialDate.Parse("2024-10"), Count = 13221, Amount = 800.5m, Currency = "USD", Note = "a \"quoted\" note with ünïcode" };
        var short_ = new EdgeAttributes { Count = 3 };

        var first = TextFields.EdgeToJson(long_);
        var second = TextFields.EdgeToJson(short_);

        Assert.Equal("""{"validFrom":"2024-10","count":"13221","amount":"800.5","currency":"USD","note":"a \u0022quoted\u0022 note with \u00FCn\u00EFcode"}""", first);
        Assert.Equal("""{"count":"3"}""", second);
        Assert.Equal(long_, TextFields.EdgeFromJson(first));
        Assert.Equal(short_, TextFields.EdgeFromJson(second));
    }

    [Fact]
    public void No_attributes_are_null_for_an_edge_and_an_empty_object_for_evidence_that_states_none()
    {
        Assert.Null(TextFields.EdgeToJson(EdgeAttributes.None));
        Assert.Null(TextFields.EvidenceToJson(null));
        Assert.Equal("{}", TextFields.EvidenceToJson(EdgeAttributes.None));
        Assert.Null(TextFields.ToJson(new Dictionary<string, string>()));
        Assert.Equal("""{"role":"envoy"}""", TextFields.ToJson(new Dictionary<string, string> { ["role"] = "envoy" }));
    }

    [Fact]
    public void Threads_writing_at_once_each_get_their_own_values()
    {
        var failures = 0;
        Parallel.For(0, 2_000, i =>
        {
            var attributes = new EdgeAttributes { Count = i, Note = new string('x', i % 97) };
            if (TextFields.EdgeFromJson(TextFields.EdgeToJson(attributes)) != attributes)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
