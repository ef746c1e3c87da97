// English for workspace spec documents (lib/tenancy/spec, GET/PUT /api/v1/workspaces/{ws}/spec). Spread into `en`.
export const specEn = {
  "detail.specChange": "{object} ({path}): {message}",
  "detail.badYaml": "The request body is not valid YAML.",
  "field.specListedTwice": '"{name}" is listed twice.',
  "field.specProjectMember": '"{name}" must be listed in spec.members too.',
  "field.specProjectCluster": 'A project stays on its cluster ("{cluster}"): delete it and create another.',
  "field.specName": 'Must be "{name}", the workspace of the path.',
  "detail.specNothingToChange": 'You may change nothing in workspace "{workspace}".',
};
