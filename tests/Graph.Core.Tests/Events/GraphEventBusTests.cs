using Graph.Core.Events;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Core.Tests.Events;

public sealed class GraphEventBusTests
{
    private static readonly RelationshipKey s_edge = new(RelationshipType.Sanctions, ActorId.Parse("state:usa"), ActorId.Parse("state:north-korea"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscriber_gets_the_events_its_filter_accepts_in_order()
    {
        var bus = new GraphEventBus();
        await using var subscription = bus.Subscribe<RelationshipChanged>(e => e.Change != RelationshipChange.Removed);
        bus.Publish(new RelationshipChanged(s_edge, RelationshipChange.Added));
        bus.Publish(new RelationshipChanged(s_edge, RelationshipChange.Removed));
        bus.Publish(new DocumentIngested(DocumentId.Parse("doc:a"), 1, 0));
        bus.Publish(new RelationshipChanged(s_edge, RelationshipChange.Changed));

        await using var events = subscription.GetAsyncEnumerator(Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(RelationshipChange.Added, ((RelationshipChanged)events.Current!).Change);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(RelationshipChange.Changed, ((RelationshipChanged)events.Current!).Change);
    }

    [Fact]
    public async Task Disposing_a_subscription_or_its_enumerator_removes_it_from_the_bus()
    {
        var bus = new GraphEventBus();
        var first = bus.Subscribe<DocumentIngested>();
        var second = bus.Subscribe<DocumentIngested>();
        Assert.Equal(2, bus.SubscriberCount);
        await first.DisposeAsync();
        Assert.Equal(1, bus.SubscriberCount);

        var enumerator = second.GetAsyncEnumerator(Token);
        bus.Publish(new DocumentIngested(DocumentId.Parse("doc:a"), 0, 0));
        Assert.True(await enumerator.MoveNextAsync());
        await enumerator.DisposeAsync();
        Assert.Equal(0, bus.SubscriberCount);
    }

    [Fact]
    public async Task A_subscriber_whose_queue_fills_is_ended_with_an_error_and_writers_never_wait()
    {
        var bus = new GraphEventBus();
        var slow = bus.Subscribe<DocumentIngested>(capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            bus.Publish(new DocumentIngested(DocumentId.Parse("doc:a"), i, 0));
        }

        Assert.Equal(0, bus.SubscriberCount);
        var received = 0;
        var error = await Assert.ThrowsAsync<SlowSubscriberException>(async () =>
        {
            await foreach (var _ in slow.WithCancellation(Token))
            {
                received++;
            }
        });
        Assert.Equal(2, received);
        Assert.Contains("events were waiting", error.Message);
    }
}
