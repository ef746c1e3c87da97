// 枚举类词语（lib/i18n/words.ts）以及包裹集群错误的句子（components/ui/cluster-error.tsx）。
import type { themeEn } from "./theme.en";

export const themeZh: Record<keyof typeof themeEn, string> = {
  "word.phase.Running": "运行中",
  "word.phase.Pending": "等待中",
  "word.phase.Succeeded": "已成功",
  "word.phase.Failed": "失败",
  "word.phase.Unknown": "未知",
  "word.phase.Terminating": "终止中",
  "word.phase.Complete": "已完成",
  "word.phase.Suspended": "已暂停",
  "word.state.running": "运行中",
  "word.state.waiting": "等待中",
  "word.state.terminated": "已终止",
  "word.podSecurity.privileged": "特权（privileged）",
  "word.podSecurity.baseline": "基线（baseline）",
  "word.podSecurity.restricted": "受限（restricted）",
  "word.providerKind.oidc": "OpenID Connect 单点登录",
  "word.providerKind.ldap": "LDAP / Active Directory 目录",
  "kube.refused": "集群拒绝了请求：{reason}",
  "kube.noAnswer": "集群没有响应：{reason}",
  "kube.error": "集群返回了错误：{reason}",
  "kube.said": "集群返回：{reason}",
} as const;
