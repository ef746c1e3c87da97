// 只读区域的确认文案（提升平台角色、移除组绑定）。
import type { readonlyEn } from "./readonly.en";

export const readonlyZh: Record<keyof typeof readonlyEn, string> = {
  "readonly.thePlatform": "平台",
  "readonly.unbindTitle": "移除组 {group} 的绑定？",
  "readonly.unbindBody": "组 {group} 中通过此绑定在 {where} 拥有 {role} 的用户将立即失去该角色，之后通过 {provider} 登录也不再获得它。",
  "readonly.unbindConfirm": "移除绑定",
  "readonly.removing": "正在移除…",
};
