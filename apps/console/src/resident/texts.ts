/** The resident page's words, Chinese first (the residents' language), English on the switch. */
export type Lang = 'zh' | 'en';
const pair = (zh: string, en: string) => ({ zh, en });

export const TEXT = {
  title: pair('我的投诉', 'My case'),
  switch: pair('English', '中文'),
  loading: pair('正在加载…', 'Loading…'),
  reference: pair('编号', 'Reference'),
  received: pair('受理时间', 'Received'),
  progress: pair('处理进度', 'Progress'),
  deadlines: pair('承诺时限', 'What we promised'),
  met: pair('已按时完成', 'done on time'),
  late: pair('已超时', 'late'),
  confirmTitle: pair('确认已解决', 'Confirm it is resolved'),
  confirmHelp: pair(
    '如果问题已经解决，请点击确认（由您本人确认，无需签字）。',
    'If the problem is solved, confirm it here yourself (no signature needed).',
  ),
  confirm: pair('确认已解决', 'Yes, it is resolved'),
  confirmed: pair('您已确认解决', 'You confirmed it is resolved'),
  rateTitle: pair('您对处理结果满意吗？', 'How satisfied are you with the result?'),
  comment: pair('补充说明（选填）', 'Anything to add (optional)'),
  send: pair('提交评价', 'Send my rating'),
  rated: pair('感谢您的评价', 'Thank you for your rating'),
  reopened: pair('我们会重新处理，并尽快与您联系。', 'We will work on it again and contact you soon.'),
  invalid: pair(
    '此链接无效或已过期，请联系物业服务中心获取新链接。',
    'This link is not valid or has expired: ask the service desk for a new one.',
  ),
  busy: pair('请求过于频繁，请稍后再试。', 'Too many requests: try again shortly.'),
  failed: pair('操作未成功：', 'That did not work: '),
  notices: pair('小区通知', 'Notices for your building'),
} as const;

export const STATUS: Record<string, [string, string]> = {
  RECEIVED: ['已受理', 'Received'],
  DEPARTMENT_WORKING: ['部门处理中', 'The department is working on it'],
  SOLUTION_AGREED: ['已商定解决方案', 'Solution agreed'],
  RESOLVED: ['已解决', 'Resolved'],
  CLOSED: ['已结案', 'Closed'],
  NOT_ACCEPTED: ['未予受理（将给出书面答复）', 'Not accepted as a complaint (you get a reasoned reply)'],
};

export const CLOCKS: Record<string, [string, string]> = {
  REPLY: ['答复您', 'Reply to you'],
  FEEDBACK: ['反馈处理情况', 'Tell you how it is going'],
  SOLUTION_AGREED: ['与您商定解决方案', 'Agree a solution with you'],
};

export const NOTICE_KINDS: Record<string, [string, string]> = {
  OUTAGE: ['停水停电', 'Outage'],
  WORKS: ['施工', 'Works'],
  ACTIVITY: ['社区活动', 'Activity'],
  POLICY: ['管理规定', 'Rules'],
  SURVEY_ANSWER: ['满意度调查回应', 'Our answer to the survey'],
  OTHER: ['通知', 'Notice'],
};

export const LEVELS: [string, string, string][] = [
  ['VERY_SATISFIED', '非常满意', 'Very satisfied'],
  ['SATISFIED', '满意', 'Satisfied'],
  ['BASICALLY_SATISFIED', '基本满意', 'Basically satisfied'],
  ['DISSATISFIED', '不满意', 'Dissatisfied'],
];

export const CATEGORIES: Record<string, [string, string]> = {
  SERVICE_ATTITUDE: ['服务态度', 'Service attitude'],
  SERVICE_QUALITY: ['服务质量', 'Service quality'],
  BUILDING: ['房屋质量', 'Building'],
  FIT_OUT: ['装修', 'Fit-out'],
  EQUIPMENT: ['设施设备', 'Equipment'],
  FEES: ['收费', 'Fees'],
  SAFETY: ['安全', 'Safety'],
  ACCESS: ['出入管理', 'Access'],
  PARKING: ['停车', 'Parking'],
  NOISE: ['噪音', 'Noise'],
  HYGIENE: ['清洁卫生', 'Hygiene'],
  WASTE: ['垃圾', 'Waste'],
  GREENERY: ['绿化', 'Greenery'],
  COMPENSATION: ['赔偿', 'Compensation'],
  MANAGER_CONDUCT: ['管理人员行为', 'Manager conduct'],
  OTHER: ['其他', 'Other'],
};
