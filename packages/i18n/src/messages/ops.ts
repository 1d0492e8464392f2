// Operations: what people see while the service cannot do its work (database down or restarting).
export const opsZh = {
  'errors.unavailable': '服务暂时不可用，请稍后再试。',
  'ops.unavailable.title': '服务暂时不可用',
  'ops.unavailable.body': '系统正在恢复，请稍候几秒后刷新页面。',
  'ops.unavailable.retry': '重新加载',
  'admin.settings.group.backup': '数据备份',
  'admin.settings.unit.hours': '小时',
};

export const opsEn: Record<keyof typeof opsZh, string> = {
  'errors.unavailable': 'The service is temporarily unavailable. Please try again shortly.',
  'ops.unavailable.title': 'Service temporarily unavailable',
  'ops.unavailable.body': 'The system is recovering. Please wait a few seconds and reload the page.',
  'ops.unavailable.retry': 'Reload',
  'admin.settings.group.backup': 'Backups',
  'admin.settings.unit.hours': 'hours',
};
