// English for why a control is disabled: the role that withholds it (lib/client/hooks/can.ts). Spread into `en`.
export const canEn = {
  "can.platform": "Your platform role {role} does not grant {permission}",
  "can.workspace": "Your role {role} in workspace {name} does not grant {permission}",
  "can.project": "Your role {role} in project {name} does not grant {permission}",
  "can.checking": "Checking your permissions…",
  "can.noEntries": "None",
  "can.granted": "Granted",
  "can.notGranted": "Not granted",
};
