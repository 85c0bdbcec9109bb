import * as AC from 'adaptivecards';
import { teamsHostConfig } from './card-host-config';

/**
 * Parses a card with the `adaptivecards` renderer's own object model (the same code that draws it)
 * and returns every event it reports: unknown element or action types, unsupported properties,
 * invalid values, too many actions for Teams, duplicate ids… The JSON schema misses some of these.
 */
export function rendererParseProblems(card: object): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = new AC.HostConfig(teamsHostConfig());
  parsed.parse(card, context);

  const events: AC.IValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
}
