import type { Intent } from '../../dialogs/recognizer';

// A record, so that the compiler insists on every intent the recognizer can give, and only those.
const EVERY_INTENT: Record<Intent, true> = {
  enable: true,
  disable: true,
  features: true,
  explain: true,
  'feature-permissions': true,
  'features-using': true,
  status: true,
  history: true,
  requests: true,
  help: true,
  cancel: true,
  declined: true,
  unknown: true,
};

export const INTENTS = Object.keys(EVERY_INTENT) as Intent[];
