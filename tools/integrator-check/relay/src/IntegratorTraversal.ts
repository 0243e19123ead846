// Neighbourhood and paths with variables.
import { graphql } from 'relay-runtime';

export const neighbourhoodQuery = graphql`
  query IntegratorTraversalNeighbourhoodQuery($actor: ID!, $depth: Int, $types: [RelationshipType!], $from: PartialDate) {
    neighbourhood(actor: $actor, depth: $depth, types: $types, from: $from) {
      nodeCount
      edgeCount
      truncated
      nodes {
        id
        kind
        caption
        depth
      }
      edges {
        id
        type
        source
        target
      }
    }
  }
`;

export const pathsQuery = graphql`
  query IntegratorTraversalPathsQuery($from: ID!, $to: ID!, $mode: PathMode, $maxDepth: Int) {
    paths(from: $from, to: $to, mode: $mode, maxDepth: $maxDepth) {
      count
      paths {
        length
        actors {
          id
          name
          ... on Resolution {
            adoptedOn
          }
        }
        steps {
          forward
          relationship {
            id
            type
            caption
          }
        }
      }
    }
  }
`;
