namespace Graph.Api.Http.Subscriptions;

/// <summary>The codes of the subscription transports' own refusals.</summary>
public static class SubscriptionLimits
{
    /// <summary>A WebSocket connection asked for more operations than <see cref="GraphApiOptions.MaxSubscriptionsPerConnection"/>.</summary>
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
}
