// 控件为何不可用：是哪个角色没有授予该权限（lib/client/hooks/can.ts）。
import type { canEn } from "./can.en";

export const canZh: Record<keyof typeof canEn, string> = {
  "can.platform": "您的平台角色 {role} 未授予 {permission}",
  "can.workspace": "您在企业空间 {name} 中的角色 {role} 未授予 {permission}",
  "can.project": "您在项目 {name} 中的角色 {role} 未授予 {permission}",
  "can.checking": "正在检查您的权限…",
  "can.noEntries": "无",
  "can.granted": "已授予",
  "can.notGranted": "未授予",
};
