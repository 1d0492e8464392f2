// Messages of the security rules shared by every area: input bounds, sign-in limits, sessions.
export const securityZh = {
  'errors.input.integer': '请输入整数',
  'errors.input.outOfRange': '数值超出允许范围',
  'errors.input.controlCharacters': '不能包含控制字符',
  'auth.error.RATE_LIMITED': '此网络的登录尝试过多，请 {minutes} 分钟后再试。',
  'sessions.title': '登录设备',
  'sessions.intro': '以下是当前仍有效的登录。不认识的设备请立即退出，并修改密码。',
  'sessions.current': '当前设备',
  'sessions.unknownDevice': '未知设备',
  'sessions.end': '退出此设备',
  'sessions.everywhere': '退出所有设备',
  'sessions.signedInAt': '登录于 {at}',
} as const;

export const securityEn: Record<keyof typeof securityZh, string> = {
  'errors.input.integer': 'Enter a whole number',
  'errors.input.outOfRange': 'The number is out of the allowed range',
  'errors.input.controlCharacters': 'Must not contain control characters',
  'auth.error.RATE_LIMITED':
    'Too many sign-in attempts from this network. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'sessions.title': 'Signed-in devices',
  'sessions.intro': 'These sign-ins are still active. Sign out any device you do not recognise, and change your password.',
  'sessions.current': 'this device',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.end': 'Sign out this device',
  'sessions.everywhere': 'Sign out everywhere',
  'sessions.signedInAt': 'Signed in {at}',
};
