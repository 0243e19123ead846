// What an integrator's app does with the plugin output (typescript + typescript-operations + typed-document-node):
// refetch by id and narrow on __typename, page a connection, traverse, review, follow live updates.
// tsc --strict over this file proves the generated types are usable, not just generated.
import {
  AcceptProposalDocument,
  ActorsPageDocument,
  NeighbourhoodDocument,
  PathsDocument,
  RefetchNodeDocument,
  RejectProposalDocument,
  RelationshipsPageDocument,
  type ActorSummaryFragment,
  type ActorsPageQuery,
  type RefetchNodeQuery,
  type RelationshipChangedSubscription,
  type RelationshipChangedSubscriptionVariables,
} from '../generated/plugins/operations';
import { request, type ClientOptions } from './graphql-client';

type RefetchedNode = NonNullable<RefetchNodeQuery['node']>;

/** One line about any Node; the switch is exhaustive, so a new Node type in the schema fails this build. */
export function describeNode(node: RefetchedNode): string {
  switch (node.__typename) {
    case 'State':
      return `${node.name} (${node.countryCode ?? '?'}) deployed to ${node.deployed.totalCount} places`;
    case 'Agency':
      return `${node.name}, agency, ${node.reported.totalCount} reports`;
    case 'Organization':
      return `${node.name}, ${node.role ?? 'organization'}, adopted ${node.adopted.nodes.map((r) => r.caption).join(', ')}`;
    case 'Official':
    case 'Person':
      return `${node.name}, ${node.role ?? node.kind.toLowerCase()}`;
    case 'Treaty':
      return `${node.name}, ${node.parties.totalCount} parties`;
    case 'Resolution':
      return `${node.name}, adopted ${node.adoptedOn ?? 'on an unknown date'}, deadline ${node.deadline ?? 'none'}`;
    case 'Location':
      return `${node.name}, in ${node.locatedIn.nodes.map((l) => l.caption).join(', ') || 'nowhere known'}`;
    case 'Conflict':
      return `${node.name}, since ${node.startDate ?? '?'}`;
    case 'Relationship':
      return `${node.from.name} ${node.type} ${node.to.name} (${node.evidenceCount} sources, count ${node.facts.count ?? '-'})`;
    case 'Evidence':
      return `"${node.quote}" (${node.stance}) in ${node.document.title}`;
    case 'Document':
      return `${node.title} by ${node.publisher?.name ?? 'unknown publisher'}, ${node.length} characters`;
    case 'QuantityConflict':
      return `${node.relationship.caption}: ${node.claims.map((c) => `${c.display} per "${c.statedIn.quote}"`).join(' vs ')}`;
    case 'QuantityClaim':
      return `${node.display} (${node.min ?? node.value ?? '?'}–${node.max ?? node.value ?? '?'} ${node.unit ?? ''})`;
    default: {
      const unknown: never = node;
      return `unknown node ${JSON.stringify(unknown)}`;
    }
  }
}

export async function refetch(client: ClientOptions, id: string): Promise<string | null> {
  const data = await request(client, RefetchNodeDocument, { id });
  return data.node ? describeNode(data.node) : null;
}

/** Walks the whole actors connection, a page at a time, following endCursor. */
export async function allActors(client: ClientOptions, search?: string): Promise<ActorSummaryFragment[]> {
  const actors: ActorSummaryFragment[] = [];
  let after: string | null = null;
  do {
    const data: ActorsPageQuery = await request(client, ActorsPageDocument, { first: 50, after, search, kinds: ['STATE', 'AGENCY'] });
    const page = data.actors;
    if (!page) break;
    actors.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return actors;
}

export async function deployments(client: ClientOptions, actor: string): Promise<string[]> {
  const data = await request(client, RelationshipsPageDocument, { actor, types: ['DEPLOYED'], direction: 'OUTGOING', first: 20 });
  return data.actor?.relationships.edges.map((e) => `${e.node.caption} [${e.cursor}]`) ?? [];
}

export async function neighbours(client: ClientOptions, actor: string): Promise<Map<string, string[]>> {
  const data = await request(client, NeighbourhoodDocument, { actor, depth: 2, types: ['DEPLOYED', 'SUPPORTS'], from: '2024-01' });
  const byType = new Map<string, string[]>();
  for (const edge of data.neighbourhood?.edges ?? []) {
    byType.set(edge.type, [...(byType.get(edge.type) ?? []), `${edge.source} -> ${edge.target}`]);
  }
  return byType;
}

export async function shortestPaths(client: ClientOptions, from: string, to: string): Promise<string[]> {
  const data = await request(client, PathsDocument, { from, to, mode: 'ALL_SHORTEST', maxDepth: 4 });
  return (data.paths?.paths ?? []).map((path) =>
    path.steps.map((s) => `${s.relationship.from.name} -${s.relationship.type}-> ${s.relationship.to.name}`).join(', '),
  );
}

export async function review(client: ClientOptions, accept: readonly string[], reject: readonly string[]): Promise<number> {
  let decided = 0;
  for (const id of accept) {
    const data = await request(client, AcceptProposalDocument, { id, note: 'checked by the integration' });
    if (data.acceptProposal?.status === 'ACCEPTED') decided++;
  }
  for (const id of reject) {
    const data = await request(client, RejectProposalDocument, { id });
    if (data.rejectProposal?.status === 'REJECTED') decided++;
  }
  return decided;
}

/** The variables a sync job subscribes with, and what it does with each event. */
export const followNorthKorea: RelationshipChangedSubscriptionVariables = { actor: 'North Korea', types: ['DEPLOYED', 'SUPPORTS'] };

export function onRelationshipChanged(event: RelationshipChangedSubscription): string {
  const { change, relationshipId, relationship } = event.relationshipChanged;
  if (change === 'REMOVED' || relationship === null) return `${relationshipId} removed`;
  return `${relationship.caption}: ${change}, ${relationship.evidenceCount} sources`;
}
