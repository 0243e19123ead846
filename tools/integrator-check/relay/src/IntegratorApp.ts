// What a Relay app does with the compiler's artifacts (the queries are imported from __generated__, as
// babel-plugin-relay would rewrite the graphql tags): a network over our /graphql, typed fetches, a mutation, a
// subscription and an @inline fragment read. tsc --strict over this file proves the artifacts' types are usable.
import {
  Environment,
  Network,
  Observable,
  RecordSource,
  Store,
  commitMutation,
  fetchQuery,
  readInlineData,
  requestSubscription,
  type FetchFunction,
  type SubscribeFunction,
} from 'relay-runtime';
import actorFragment, { type IntegratorNodeRefetch_actor$key } from './__generated__/IntegratorNodeRefetch_actor.graphql';
import refetchQuery, { type IntegratorNodeRefetchQuery } from './__generated__/IntegratorNodeRefetchQuery.graphql';
import pathsQuery, { type IntegratorTraversalPathsQuery } from './__generated__/IntegratorTraversalPathsQuery.graphql';
import acceptMutation, { type IntegratorReviewAcceptMutation } from './__generated__/IntegratorReviewAcceptMutation.graphql';
import relationshipChanged, {
  type IntegratorLiveRelationshipChangedSubscription,
} from './__generated__/IntegratorLiveRelationshipChangedSubscription.graphql';

/** Relay hands over the operation's text (or its id, for persisted queries) and the variables. */
const fetchGraphQL: FetchFunction = async (operation, variables) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify(operation.id ? { documentId: operation.id, variables } : { query: operation.text, variables }),
  });
  return response.json();
};

/** Subscriptions go over graphql-ws or graphql-sse in a real app; this one refuses them in plain words. */
const subscribe: SubscribeFunction = (operation) =>
  Observable.create((sink) => {
    sink.error(new Error(`${operation.name}: connect a graphql-ws or graphql-sse client to receive subscriptions`));
  });

export const environment = new Environment({ network: Network.create(fetchGraphQL, subscribe), store: new Store(new RecordSource()) });

export function actorName(ref: IntegratorNodeRefetch_actor$key): string {
  const actor = readInlineData(actorFragment, ref);
  return `${actor.name} (${actor.kind}, degree ${actor.degree}, also ${actor.aliases.join(', ')})`;
}

export async function refetch(id: string): Promise<string | null> {
  const data = await fetchQuery<IntegratorNodeRefetchQuery>(environment, refetchQuery, { id }).toPromise();
  const node = data?.node;
  if (!node) return null;
  // Each aliased fragment spread is present only when the node has that type.
  return node.actor ? actorName(node.actor) : `${node.__typename} ${node.id}`;
}

export async function pathLengths(from: string, to: string): Promise<number[]> {
  const data = await fetchQuery<IntegratorTraversalPathsQuery>(environment, pathsQuery, { from, to, mode: 'ALL_SHORTEST' }).toPromise();
  return data?.paths?.paths.map((p) => p.length) ?? [];
}

export function accept(id: string, done: (status: string | null) => void): void {
  commitMutation<IntegratorReviewAcceptMutation>(environment, {
    mutation: acceptMutation,
    variables: { id, note: 'accepted from the Relay app' },
    onCompleted: (response) => done(response.acceptProposal?.status ?? null),
    onError: () => done(null),
  });
}

export function follow(actor: string, onEvent: (line: string) => void): { dispose(): void } {
  return requestSubscription<IntegratorLiveRelationshipChangedSubscription>(environment, {
    subscription: relationshipChanged,
    variables: { actor, types: ['DEPLOYED'] },
    onNext: (response) => {
      const event = response?.relationshipChanged;
      if (event) onEvent(`${event.relationshipId}: ${event.change} (${event.relationship?.evidenceCount ?? 0} sources)`);
    },
  });
}
