import reviewTemplate from './review.json';
import { CardTemplate } from './bind-template';

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

const template = new CardTemplate<Omit<ReviewCardData, 'journeyId'>>(reviewTemplate);

export function reviewCard({ journeyId, ...data }: ReviewCardData) {
  const attachment = template.attachment(data);
  for (const action of (attachment.content as { actions?: Array<{ verb?: string; data?: Record<string, unknown> }> }).actions ?? []) {
    if (action.data && action.verb !== 'request.create') action.data.journeyId = journeyId;
  }
  return attachment;
}
