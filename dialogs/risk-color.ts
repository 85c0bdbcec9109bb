import type { RiskLevel } from '../permissions/types';

/** How a risk level is coloured on every card: the same scale wherever a permission is shown. */
export const RISK_COLORS: Readonly<Record<RiskLevel, 'Good' | 'Default' | 'Warning' | 'Attention'>> = {
  low: 'Good',
  medium: 'Default',
  high: 'Warning',
  critical: 'Attention',
};
