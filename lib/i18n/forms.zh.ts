// 表单自己的用词：配额字段的单位、名称和资源池的余量。展开到 `zh`。
import type { formsEn } from "./forms.en";

export const formsZh: Record<keyof typeof formsEn, string> = {
  "forms.unitOf": "{key} 单位",
  "forms.unit.cores": "核",
  "forms.unit.millicores": "毫核",
  "forms.unit.bytes": "字节",
  "forms.headroom": "资源池剩余 {value}",
  "forms.quota.compute": "CPU 与内存",
  "forms.quota.storage": "存储",
  "forms.quota.objects": "对象数量",
  "forms.quota.other": "其他键",
  "forms.key.requestsCpu": "CPU 请求",
  "forms.key.limitsCpu": "CPU 限制",
  "forms.key.requestsMemory": "内存请求",
  "forms.key.limitsMemory": "内存限制",
  "forms.key.requestsStorage": "存储请求",
  "forms.key.pods": "Pod 数量",
  "forms.key.services": "服务",
  "forms.key.configmaps": "配置映射（ConfigMap）",
  "forms.key.secrets": "密钥（Secret）",
  "forms.key.pvcs": "持久卷声明",
  "forms.key.deployments": "部署",
  "forms.key.loadBalancers": "负载均衡器",
  "forms.key.nodePorts": "节点端口",
};
