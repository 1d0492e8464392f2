// Messages of the security rules shared by every area: input bounds, sign-in limits, sessions.
export const securityZh = {
  'errors.input.integer': '请输入整数',
  'errors.input.outOfRange': '数值超出允许范围',
  'errors.input.controlCharacters': '不能包含控制字符',
  'auth.error.RATE_LIMITED': '此网络的登录尝试过多，请 {minutes} 分钟后再试。',
} as const;

export const securityEn: Record<keyof typeof securityZh, string> = {
  'errors.input.integer': 'Enter a whole number',
  'errors.input.outOfRange': 'The number is out of the allowed range',
  'errors.input.controlCharacters': 'Must not contain control characters',
  'auth.error.RATE_LIMITED': 'Too many sign-in attempts from this network. Try again in {minutes} minutes.',
};
