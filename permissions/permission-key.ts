import { permissionNames } from './catalog';
import { NEIGHBOUR_GRAPH_NAMES } from './graph-neighbour-names';

/**
 * The spelling-free form of a permission name: lower case, letters and digits only. "Mail.Send",
 * "mail send", "MailSend" and the seed's "DeviceManagementRBAC. Read.All" all collapse to one key.
 */
export function permissionKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The resource part of a Graph name ("Mail" of "Mail.Send"), as a key. */
export function resourceKey(name: string): string {
  return permissionKey(name.split('.')[0] ?? '');
}

function keyed(names: readonly string[]): ReadonlyMap<string, string> {
  return new Map(names.map((name) => [permissionKey(name), name]));
}

/** Tikit's own names (including the OpenID scopes) by key. */
export const CATALOG_KEYS: ReadonlyMap<string, string> = keyed(permissionNames());

/** Real Graph names near Tikit's that Tikit does not request, by key. */
export const NEIGHBOUR_KEYS: ReadonlyMap<string, string> = keyed(NEIGHBOUR_GRAPH_NAMES);

/** Resource keys of dotted Graph names Tikit requests or sits beside ("mail", "calendars", …). */
export const RESOURCE_KEYS: ReadonlySet<string> = new Set(
  [...CATALOG_KEYS.values(), ...NEIGHBOUR_KEYS.values()].filter((name) => name.includes('.')).map(resourceKey),
);
