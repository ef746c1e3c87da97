// English for the enum-like words (lib/i18n/words.ts) and the sentence a cluster's error is wrapped in
// (components/ui/cluster-error.tsx). Spread into `en`; theme.zh.ts must translate every key.
export const themeEn = {
  "word.phase.Running": "Running",
  "word.phase.Pending": "Pending",
  "word.phase.Succeeded": "Succeeded",
  "word.phase.Failed": "Failed",
  "word.phase.Unknown": "Unknown",
  "word.phase.Terminating": "Terminating",
  "word.phase.Complete": "Complete",
  "word.phase.Suspended": "Suspended",
  "word.state.running": "running",
  "word.state.waiting": "waiting",
  "word.state.terminated": "terminated",
  "word.podSecurity.privileged": "privileged",
  "word.podSecurity.baseline": "baseline",
  "word.podSecurity.restricted": "restricted",
  "word.providerKind.oidc": "OpenID Connect",
  "word.providerKind.ldap": "LDAP / Active Directory",
  "kube.refused": "The cluster refused: {reason}",
  "kube.noAnswer": "The cluster did not answer: {reason}",
  "kube.error": "The cluster answered with an error: {reason}",
  "kube.said": "From the cluster: {reason}",
} as const;
