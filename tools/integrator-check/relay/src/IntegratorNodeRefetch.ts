// Relay's refetch of any object by global id: one fragment per Node type, named <module>_<name> as Relay requires.
import { graphql } from 'relay-runtime';

export const actorFragment = graphql`
  fragment IntegratorNodeRefetch_actor on Actor @inline {
    id
    name
    kind
    degree
    aliases
  }
`;

export const typeFragments = graphql`
  fragment IntegratorNodeRefetch_state on State {
    countryCode
    deployed(first: 5) {
      totalCount
    }
  }
  fragment IntegratorNodeRefetch_agency on Agency {
    countryCode
  }
  fragment IntegratorNodeRefetch_organization on Organization {
    role
    adopted(first: 5) {
      totalCount
    }
  }
  fragment IntegratorNodeRefetch_official on Official {
    role
  }
  fragment IntegratorNodeRefetch_person on Person {
    role
  }
  fragment IntegratorNodeRefetch_treaty on Treaty {
    provision
  }
  fragment IntegratorNodeRefetch_resolution on Resolution {
    provision
    adoptedOn
    deadline
  }
  fragment IntegratorNodeRefetch_location on Location {
    locatedIn(first: 5) {
      totalCount
    }
  }
  fragment IntegratorNodeRefetch_conflict on Conflict {
    startDate
  }
  fragment IntegratorNodeRefetch_relationship on Relationship {
    type
    caption
    confidence
    evidenceCount
    facts {
      count
      countMin
      countMax
    }
  }
  fragment IntegratorNodeRefetch_evidence on Evidence {
    quote
    stance
    document {
      title
    }
  }
  fragment IntegratorNodeRefetch_document on Document {
    title
    published
  }
  fragment IntegratorNodeRefetch_quantityConflict on QuantityConflict {
    quantity
    claims {
      display
    }
  }
  fragment IntegratorNodeRefetch_quantityClaim on QuantityClaim {
    display
    value
  }
`;

export const refetchQuery = graphql`
  query IntegratorNodeRefetchQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...IntegratorNodeRefetch_actor @alias(as: "actor")
      ...IntegratorNodeRefetch_state @alias(as: "state")
      ...IntegratorNodeRefetch_agency @alias(as: "agency")
      ...IntegratorNodeRefetch_organization @alias(as: "organization")
      ...IntegratorNodeRefetch_official @alias(as: "official")
      ...IntegratorNodeRefetch_person @alias(as: "person")
      ...IntegratorNodeRefetch_treaty @alias(as: "treaty")
      ...IntegratorNodeRefetch_resolution @alias(as: "resolution")
      ...IntegratorNodeRefetch_location @alias(as: "location")
      ...IntegratorNodeRefetch_conflict @alias(as: "conflict")
      ...IntegratorNodeRefetch_relationship @alias(as: "relationship")
      ...IntegratorNodeRefetch_evidence @alias(as: "evidence")
      ...IntegratorNodeRefetch_document @alias(as: "document")
      ...IntegratorNodeRefetch_quantityConflict @alias(as: "quantityConflict")
      ...IntegratorNodeRefetch_quantityClaim @alias(as: "quantityClaim")
    }
  }
`;

// A refetchable fragment: Relay writes the node(id:) query that refetches one relationship with new arguments.
export const evidenceFragment = graphql`
  fragment IntegratorNodeRefetch_relationshipEvidence on Relationship
  @refetchable(queryName: "IntegratorNodeRefetchRelationshipEvidenceQuery")
  @argumentDefinitions(stance: { type: "Stance" }, first: { type: "Int", defaultValue: 10 }) {
    evidence(stance: $stance, first: $first) {
      totalCount
      nodes {
        id
        quote
      }
    }
  }
`;
