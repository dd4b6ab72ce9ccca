import type { Language } from '../../common/errors/error-messages';
import { chineseNames, type Labels } from '../../common/labels';

/** The vocabulary of satisfaction surveys (SPEC §3.5). */
export const QUESTION_TYPES = ['rating', 'nps', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A text shown to customers: Chinese always, English when the company wrote one. */
export interface LocalizedText {
  zh: string;
  en: string | null;
}

export interface ChoiceOption {
  /** Stable code of the option, what an answer carries. */
  value: string;
  label: LocalizedText;
}

/** One question of a survey template, as stored in its JSON. */
export interface SurveyQuestion {
  /** Stable within the template: answers, results and error messages name it. */
  key: string;
  type: QuestionType;
  prompt: LocalizedText;
  required: boolean;
  /** Only for `choice`: the options, in display order. */
  options?: ChoiceOption[];
}

export const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const OPTION_VALUE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_QUESTIONS = 30;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const PROMPT_MAX_LENGTH = 500;
export const TEXT_ANSWER_MAX_LENGTH = 2000;

/** The scale of each scored question type, both ends included. */
export const SCALES = {
  rating: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
} as const satisfies Partial<Record<QuestionType, { min: number; max: number }>>;

/** Where an invitation came from: a closed ticket, or a campaign a manager sent. */
export const INVITATION_SOURCES = ['ticket_closed', 'campaign'] as const;
export type InvitationSource = (typeof INVITATION_SOURCES)[number];

export const INVITATION_STATUSES = ['pending', 'answered', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['queued', 'done'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const SURVEY_LANGUAGES = ['zh', 'en'] as const satisfies readonly Language[];

export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 365;

/** An invitation's standing at an instant: answered wins over expired (an answer given in time stays). */
export function invitationStatus(
  invitation: { answeredAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.answeredAt !== null) return 'answered';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The text in the reader's language, Chinese when the template has no English. */
export function localized(text: LocalizedText | null | undefined, language: Language): string {
  if (!text) return '';
  return language === 'en' && text.en ? text.en : text.zh;
}

export const QUESTION_TYPE_LABELS: Labels<QuestionType> = {
  rating: { zh: '评分（1–5）', en: 'Rating (1–5)' },
  nps: { zh: '推荐意愿（0–10）', en: 'NPS (0–10)' },
  choice: { zh: '单选', en: 'Single choice' },
  text: { zh: '文字意见', en: 'Text' },
};

export const INVITATION_STATUS_LABELS: Labels<InvitationStatus> = {
  pending: { zh: '待回复', en: 'Pending' },
  answered: { zh: '已回复', en: 'Answered' },
  expired: { zh: '已过期', en: 'Expired' },
};
export const INVITATION_STATUS_NAMES = chineseNames(INVITATION_STATUS_LABELS);

export const INVITATION_SOURCE_LABELS: Labels<InvitationSource> = {
  ticket_closed: { zh: '工单关闭', en: 'Ticket closed' },
  campaign: { zh: '调查活动', en: 'Campaign' },
};
