// 共享列表表格（components/ui/list-table.tsx）与成员选择器的中文。
import type { tablesEn } from "./tables.en";

export const tablesZh: Record<keyof typeof tablesEn, string> = {
  "tables.columns": "列",
  "tables.sortBy": "按{column}排序",
  "tables.sortedAsc": "升序",
  "tables.sortedDesc": "降序",
  "tables.any": "任意{filter}",
  "tables.noMatch": "没有符合此搜索或筛选条件的条目。",
  "tables.filterStatus": "状态",
  "tables.filterRole": "角色",
  "tables.filterCluster": "集群",
  "tables.searchProjects": "搜索项目",
  "tables.searchClusters": "搜索集群",
  "tables.outcomeSuccess": "成功",
  "tables.outcomeFailure": "失败",
  "picker.label": "用户",
  "picker.placeholder": "输入名称搜索…",
  "picker.none": "没有可添加到此处且匹配“{q}”的用户。",
  "picker.searching": "搜索中…",
  "picker.more": "显示更多",
  "detail.cursorOtherSort": "此游标属于另一种排序，或不是此列表给出的。",
  "detail.cursorUnknown": "此游标不是此列表给出的。",
};
