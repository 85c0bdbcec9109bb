import type { AppRegistration, AppRegistrationId, Feature } from './types';

/*
 * The features of the seed's "Feature Based Consents", in the seed's order. Descriptions are drawn
 * from the Reasons of each feature's rows; aliases are the seed's own spellings (its summary table
 * and its Consent Area column name some features differently).
 */
export const FEATURES: readonly Feature[] = [
  {
    id: 'teams-meetings',
    displayName: 'Teams Meetings',
    aliases: ['Teams Meetings', 'Teams Meeting'],
    description: 'Create a Teams meeting from a ticket, with Tikit added to the meeting (an upcoming feature).',
    apps: ['tikit'],
  },
  {
    id: 'my-work',
    displayName: 'My Work',
    aliases: ['My Work'],
    description: "The My Work page: each user's agenda, unread emails and Planner tasks beside their tickets.",
    apps: ['tikit'],
  },
  {
    id: 'email-connector',
    displayName: 'Email Connector',
    aliases: ['Email Connector'],
    description: 'Turns mail sent to your help-desk address into tickets and replies from that address, through the separate Tikit Email Connector app.',
    apps: ['tikit-email-connector'],
  },
  {
    id: 'intune-connector',
    displayName: 'Intune Connector',
    aliases: ['Intune Connector', 'InTune Connector'],
    description: "Shows a user's Intune devices on the Users page and lets analysts run remote actions on them.",
    apps: ['tikit'],
  },
  {
    id: 'teams-app-management',
    displayName: 'Teams App Management',
    aliases: ['Teams App Management'],
    description: 'Pushes Tikit and the Tikit Virtual Agent to end users from the Users page.',
    apps: ['tikit'],
  },
];

export const APP_REGISTRATIONS: Readonly<Record<AppRegistrationId, AppRegistration>> = {
  tikit: { id: 'tikit', displayName: 'Tikit' },
  'tikit-email-connector': { id: 'tikit-email-connector', displayName: 'Tikit Email Connector' },
};
