/** A survey template as a manager would design it: overall rating, NPS, a choice and free text. */
export function surveyTemplateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '维修服务满意度（测试）',
    title: { zh: '维修服务满意度调查', en: 'Repair service survey' },
    intro: { zh: '感谢您抽出时间评价本次服务。', en: 'Thank you for rating our service.' },
    questions: [
      {
        key: 'overall',
        type: 'rating',
        prompt: {
          zh: '您对本次维修服务的总体满意度如何？',
          en: 'How satisfied are you with the repair overall?',
        },
      },
      {
        key: 'recommend',
        type: 'nps',
        prompt: { zh: '您有多大可能向亲友推荐我们的服务？', en: 'How likely are you to recommend us?' },
        required: false,
      },
      {
        key: 'timeliness',
        type: 'choice',
        prompt: { zh: '维修人员是否按约定时间上门？', en: 'Did the technician arrive on time?' },
        required: false,
        options: [
          { value: 'on_time', label: { zh: '准时', en: 'On time' } },
          { value: 'late', label: { zh: '迟到', en: 'Late' } },
        ],
      },
      {
        key: 'comments',
        type: 'text',
        prompt: { zh: '您还有什么意见或建议？', en: 'Anything else you would like to tell us?' },
        required: false,
      },
    ],
    ...overrides,
  };
}

/** The token of the answer link in a mail's text. */
export function tokenInMail(text: string): string {
  const match = /\/api\/v1\/public\/surveys\/([A-Za-z0-9_-]{43})\b/.exec(text);
  if (!match?.[1]) throw new Error(`no survey link in the mail:\n${text}`);
  return match[1];
}
