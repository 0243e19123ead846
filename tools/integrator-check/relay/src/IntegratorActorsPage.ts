// Paging a connection the Relay way: a @connection fragment with first/after, refetchable for the next page.
import { graphql } from 'relay-runtime';

export const actorsFragment = graphql`
  fragment IntegratorActorsPage_query on Query
  @refetchable(queryName: "IntegratorActorsPagePaginationQuery")
  @argumentDefinitions(
    first: { type: "Int", defaultValue: 20 }
    after: { type: "String" }
    search: { type: "String" }
    kinds: { type: "[ActorKind!]" }
  ) {
    actors(first: $first, after: $after, search: $search, kinds: $kinds) @connection(key: "IntegratorActorsPage_actors") {
      totalCount
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`;

export const actorsQuery = graphql`
  query IntegratorActorsPageQuery($first: Int, $search: String) {
    ...IntegratorActorsPage_query @arguments(first: $first, search: $search)
  }
`;

export const relationshipsFragment = graphql`
  fragment IntegratorActorsPage_relationships on State
  @refetchable(queryName: "IntegratorActorsPageRelationshipsPaginationQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 20 }, after: { type: "String" }) {
    relationships(first: $first, after: $after) @connection(key: "IntegratorActorsPage_relationships") {
      edges {
        node {
          id
          caption
          type
        }
      }
    }
  }
`;
