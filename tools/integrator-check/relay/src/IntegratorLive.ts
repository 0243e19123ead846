// A subscription: an edge of an actor gained, changed or lost evidence.
import { graphql } from 'relay-runtime';

export const relationshipChanged = graphql`
  subscription IntegratorLiveRelationshipChangedSubscription($actor: String, $types: [RelationshipType!]) {
    relationshipChanged(actor: $actor, types: $types) {
      change
      relationshipId
      at
      relationship {
        id
        evidenceCount
        ...IntegratorNodeRefetch_relationship
      }
    }
  }
`;
