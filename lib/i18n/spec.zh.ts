// 企业空间规约文档（lib/tenancy/spec，GET/PUT /api/v1/workspaces/{ws}/spec）。
import type { specEn } from "./spec.en";

export const specZh: Record<keyof typeof specEn, string> = {
  "detail.specChange": "{object}（文档中的 {path}）：{message}",
  "detail.badYaml": "请求体不是有效的 YAML。",
  "field.specListedTwice": "“{name}”重复列出。",
  "field.specProjectMember": "“{name}”也必须列在 spec.members 中。",
  "field.specProjectCluster": "项目不能更换集群（“{cluster}”）：请删除后重新创建。",
  "field.specName": "必须是“{name}”，即路径中的企业空间。",
  "detail.specNothingToChange": "你在企业空间“{workspace}”中没有可修改的内容。",
};
