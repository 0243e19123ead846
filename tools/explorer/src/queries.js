// The operations the explorer sends. Fragments keep what a drawn edge needs in one place.

const actorBrief = `fragment ActorBrief on Actor { id actorId name kind degree }`;

/** What the scene keeps of a relationship: enough to draw, filter, date and flag it without another request. */
const relationshipBrief = `fragment RelationshipBrief on Relationship {
  id relationshipId type caption symmetric confidence date evidenceCount
  facts { validFrom validTo }
  from { ...ActorBrief } to { ...ActorBrief }
  conflicts { quantity }
  evidence(first: 50) { nodes { stance confidence documentId documentPublished } }
}
${actorBrief}`;

export const searchActors = `query ExplorerSearch($q: String!) {
  actors(search: $q, first: 8) { nodes { actorId name kind aliases } }
}`;

export const searchText = `query ExplorerTextSearch($q: String!) {
  textSearch(query: $q, first: 5) { documentId title snippet start relationship { id type caption } }
}`;

export const actorsByIds = `query ExplorerActors($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Actor { ...ActorBrief } }
}
${actorBrief}`;

export const relationshipsByIds = `query ExplorerRelationships($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Relationship { ...RelationshipBrief } }
}
${relationshipBrief}`;

export const expandCounts = `query ExplorerExpandCounts($id: ID!) {
  actor(id: $id) {
    actorId name degree
    outgoing: degreeByType(direction: OUTGOING) { type count }
    incoming: degreeByType(direction: INCOMING) { type count }
  }
}`;

export const expandPage = `query ExplorerExpandPage($id: ID!, $types: [RelationshipType!], $direction: Direction, $first: Int, $after: String) {
  actor(id: $id) {
    relationships(types: $types, direction: $direction, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ...RelationshipBrief }
    }
  }
}
${relationshipBrief}`;

export const neighbourhood = `query ExplorerNeighbourhood($id: ID!, $depth: Int, $edgesPerActor: Int, $edgeLimit: Int, $limit: Int, $document: ID) {
  neighbourhood(actor: $id, depth: $depth, edgesPerActor: $edgesPerActor, edgeLimit: $edgeLimit, limit: $limit, document: $document) {
    truncated omitted { type count }
    nodes { actor { ...ActorBrief } }
    edges { relationship { ...RelationshipBrief } }
  }
}
${relationshipBrief}`;

export const actorDetails = `query ExplorerActor($id: ID!) {
  actor(id: $id) {
    id actorId name kind aliases description degree
    attributes { name value }
    degreeByType { type count }
  }
  timeline(actor: $id, first: 50) { nodes { id type caption date } }
}`;

const evidenceFull = `fragment EvidenceFull on Evidence {
  id quote start end stance confidence extractor documentId
  document { documentId title published url publisher { name } }
  attributedTo { actorId name }
  sourceFacts { count countMin countMax amount currency personnel period note }
}`;

export const relationshipDetails = `query ExplorerEvidence($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Relationship {
      id relationshipId type caption meaning confidence date evidenceCount
      from { actorId name } to { actorId name }
      facts { validFrom validTo personnel count countMin countMax note }
      evidence(first: 100) { nodes { ...EvidenceFull } }
      conflicts {
        quantity
        claims { display value min max statedIn { ...EvidenceFull } }
      }
    }
  }
}
${evidenceFull}`;

export const documentText = `query ExplorerDocument($id: ID!) {
  document(id: $id) {
    id documentId title published url text publisher { name }
    mentions { start end actor { actorId name } }
  }
}`;

export const documentEdges = `query ExplorerDocumentEdges($actor: ID!, $document: ID!) {
  neighbourhood(actor: $actor, depth: 4, document: $document, limit: 2000, edgeLimit: 2000) {
    nodes { actor { actorId name aliases } }
    edges { relationship { id type caption evidence(first: 50) { nodes { documentId start end quote } } } }
  }
}`;

export const paths = `query ExplorerPaths($from: ID!, $to: ID!, $mode: PathMode, $types: [RelationshipType!], $maxDepth: Int) {
  paths(from: $from, to: $to, mode: $mode, types: $types, maxDepth: $maxDepth, limit: 25) {
    count truncated
    paths { length actors { actorId name } steps { relationship { ...RelationshipBrief } } }
  }
}
${relationshipBrief}`;

export const documents = `query ExplorerDocuments { documents(first: 200) { nodes { documentId title published } } }`;

export const proposals = `query ExplorerProposals {
  proposals(first: 50) {
    totalCount
    nodes {
      proposalId type quote start end stance confidence rule documentId
      from { actorId name kind known } to { actorId name kind known } attributedTo { actorId name } document { title }
    }
  }
}`;

export const acceptProposal = `mutation ExplorerAccept($id: ID!) { acceptProposal(id: $id) { proposalId status } }`;
export const rejectProposal = `mutation ExplorerReject($id: ID!) { rejectProposal(id: $id) { proposalId status } }`;
export const editProposal = `mutation ExplorerEdit($input: EditProposalInput!) {
  editProposal(input: $input) { proposalId type stance quote start end from { name } to { name } attributedTo { name } }
}`;
