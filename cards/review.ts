import reviewTemplate from './review.json';
import type { Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, CardTemplate } from './bind-template';

export type CardColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface ReviewPermission {
  name: string;
  type: string;
  allows: string;
  reason: string;
  /** "Already granted" or "New", as the admin should read it. */
  status: string;
  statusColor: CardColor;
  risk: string;
  riskColor: CardColor;
  couldDo: string;
}

export interface ReviewCardData {
  /** Stamped into the buttons' data after binding, so the bound card is the same for every journey. */
  journeyId: string;
  title: string;
  subtitle: string;
  /** Shown in a warning box when not empty (e.g. Tikit's base set is not granted yet). */
  notice: string;
  permissions: ReviewPermission[];
  footer: string;
  /** Data of the "Continue to consent" button; no button when null (nothing left to grant). */
  continueData: Record<string, unknown> | null;
  /** Data of the "Ask an admin" button, for someone not known to be an admin; no button when null. */
  askData: Record<string, unknown> | null;
  cancelData: Record<string, unknown>;
}

interface CardAction {
  verb?: string;
  data?: Record<string, unknown>;
}

const template = new CardTemplate<Omit<ReviewCardData, 'journeyId'>>(reviewTemplate);

export function reviewCard({ journeyId, ...data }: ReviewCardData): Attachment {
  const card = template.bind(data);
  const actions = (card.actions as CardAction[] | undefined)?.map((action) =>
    action.data && action.verb !== 'request.create' ? { ...action, data: { ...action.data, journeyId } } : action,
  );
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: actions ? { ...card, actions } : card };
}
