// What an app does with the client preset's output: documents carrying their persisted hash, and fragment masking
// (a component sees only the fields its own fragment selects).
import { useFragment as readFragment } from '../generated/client/fragment-masking';
import { ActorSummaryFragmentDoc, PathsDocument, RefetchNodeDocument, StateCardFragmentDoc } from '../generated/client/graphql';
import { requestPersisted, type ClientOptions } from './graphql-client';

export async function stateCard(client: ClientOptions, id: string): Promise<string | null> {
  const data = await requestPersisted(client, RefetchNodeDocument, { id });
  if (data.node?.__typename !== 'State') return null;
  const state = readFragment(StateCardFragmentDoc, data.node);
  const summary = readFragment(ActorSummaryFragmentDoc, state);
  return `${summary.name} (${summary.kind}, degree ${summary.degree}): ${state.deployed.nodes.map((d) => d.caption).join('; ')}`;
}

export async function pathEnds(client: ClientOptions, from: string, to: string): Promise<[string, string] | null> {
  const data = await requestPersisted(client, PathsDocument, { from, to, mode: 'SHORTEST' });
  if (!data.paths) return null;
  return [readFragment(ActorSummaryFragmentDoc, data.paths.from).name, readFragment(ActorSummaryFragmentDoc, data.paths.to).name];
}
