// Review mutations (they need the API key).
import { graphql } from 'relay-runtime';

export const acceptMutation = graphql`
  mutation IntegratorReviewAcceptMutation($id: ID!, $note: String) {
    acceptProposal(id: $id, note: $note) {
      proposalId
      status
      reviewedAt
    }
  }
`;

export const rejectMutation = graphql`
  mutation IntegratorReviewRejectMutation($id: ID!, $note: String) {
    rejectProposal(id: $id, note: $note) {
      proposalId
      status
      reviewNote
    }
  }
`;
