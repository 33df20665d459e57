import { jsonBody, jsonResponse, problems, ref } from './operations';

const groupId = ref('parameters', 'CustomerGroupId');
const GROUPS = ['Customer groups'];

/** The paths of customer groups and of moving customers between them. */
export function groupPaths() {
  return {
    '/customer-groups': {
      get: {
        operationId: 'listCustomerGroups',
        tags: GROUPS,
        summary: 'All customer groups with member counts',
        responses: { 200: jsonResponse('Every group (one page)', 'CustomerGroupList'), ...problems() },
      },
      post: {
        operationId: 'createCustomerGroup',
        tags: GROUPS,
        summary: 'Create a group',
        description: 'Names are unique regardless of case: "vip" is refused (409) when "VIP" exists.',
        requestBody: jsonBody('CustomerGroupCreate'),
        responses: {
          201: {
            ...jsonResponse('The new group', 'CustomerGroup'),
            headers: { Location: { description: 'The path of the new group', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 403, 409, 422),
        },
      },
    },
    '/customer-groups/{id}': {
      parameters: [groupId],
      get: {
        operationId: 'getCustomerGroup',
        tags: GROUPS,
        summary: 'One group with its member count',
        responses: { 200: jsonResponse('The group', 'CustomerGroup'), ...problems(404) },
      },
      patch: {
        operationId: 'updateCustomerGroup',
        tags: GROUPS,
        summary: 'Rename or describe a group',
        description: 'Send back the `updatedAt` you read to have the change refused (409) if someone else changed the group meanwhile.',
        requestBody: jsonBody('CustomerGroupUpdate'),
        responses: { 200: jsonResponse('The updated group', 'CustomerGroup'), ...problems(400, 403, 404, 409, 422) },
      },
      delete: {
        operationId: 'deleteCustomerGroup',
        tags: GROUPS,
        summary: 'Delete a group',
        description:
          'Refused (409) while discounts or campaigns target the group; the message names them. Refused (409, `errors` naming ' +
          '`confirmMembersToNoGroup`) while it has members, unless `confirmMembersToNoGroup=true`: then its members move to no group, ' +
          'each with a `customer.group_changed` event on their timeline, in the same transaction.',
        parameters: [
          {
            name: 'confirmMembersToNoGroup',
            in: 'query',
            required: false,
            description: 'Move the members to no group rather than refusing',
            schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
          },
        ],
        responses: { 200: jsonResponse('Deleted; how many members moved to no group', 'CustomerGroupDeleted'), ...problems(403, 404, 409, 422) },
      },
    },
    '/customer-groups/{id}/members': {
      parameters: [groupId],
      post: {
        operationId: 'assignCustomersToGroup',
        tags: GROUPS,
        summary: 'Move customers into the group',
        description:
          'Either `customerIds`, or `filter` with the filters of GET /customers (everyone matching them; `{}` is every customer). ' +
          'One set-based change: customers already in the group are left alone; each one moved gets its `version` bumped and a ' +
          '`customer.group_changed` event.',
        requestBody: jsonBody('CustomerGroupMembersAssign'),
        responses: { 200: jsonResponse('How many customers moved', 'CustomerGroupMembersMoved'), ...problems(400, 403, 404, 422) },
      },
    },
  };
}
