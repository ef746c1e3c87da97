// 响应式外壳与可折叠筛选栏（#15 第 9 项）的中文。
import type { layoutEn } from "./layout.en";

export const layoutZh: Record<keyof typeof layoutEn, string> = {
  "layout.menu": "菜单",
  "layout.filters": "筛选",
  "layout.filtersActive": "已设 {count} 项",
  "layout.preferences": "显示",
};
