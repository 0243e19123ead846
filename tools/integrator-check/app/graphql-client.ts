// A small GraphQL-over-HTTP client, as an integrator's app would write one around TypedDocumentNode: the document
// fixes both the variables it takes and the shape of the data it returns.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One error of a GraphQL response; our server puts a stable code in extensions.code. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server answered with errors (or no data). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLErrorEntry[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

export interface ClientOptions {
  endpoint: string;
  apiKey?: string;
}

async function post<TResult>(options: ClientOptions, body: Record<string, unknown>): Promise<TResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  const response = await fetch(options.endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
  const result = (await response.json()) as { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  if (result.errors?.length || result.data == null) {
    throw new GraphQLRequestError(result.errors ?? [{ message: `HTTP ${response.status} without data` }]);
  }
  return result.data;
}

/** Sends the document's text with its variables. */
export function request<TResult, TVariables extends Record<string, unknown>>(
  options: ClientOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  return post<TResult>(options, { query: print(document), variables });
}

/**
 * Sends only the document's id: the hash the client preset embeds in each document (and lists in
 * persisted-documents.json, which the server loads as Graph:Api:TrustedDocuments).
 */
export function requestPersisted<TResult, TVariables extends Record<string, unknown>>(
  options: ClientOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') {
    throw new Error('This document carries no persisted hash; generate it with the client preset and persistedDocuments.');
  }
  return post<TResult>(options, { documentId: hash, variables });
}
