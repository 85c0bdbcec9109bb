import { PERMISSION_ROWS } from './catalog-data';
import { APP_REGISTRATIONS, FEATURES } from './features';
import {
  CONSENT_AREAS,
  FEATURE_IDS,
  type AppRegistrationId,
  type ConsentArea,
  type Feature,
  type FeatureId,
  type PermissionRow,
  type PermissionType,
} from './types';

/** Built once from the data; never changed afterwards. */
const ROWS_BY_NAME: ReadonlyMap<string, readonly PermissionRow[]> = groupByName(PERMISSION_ROWS);

function groupByName(rows: readonly PermissionRow[]): Map<string, PermissionRow[]> {
  const byName = new Map<string, PermissionRow[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  return byName;
}

export function allPermissionRows(): readonly PermissionRow[] {
  return PERMISSION_ROWS;
}

/** The distinct permission names, in the seed's order. */
export function permissionNames(): readonly string[] {
  return [...ROWS_BY_NAME.keys()];
}

/** Every row of an exact (clean) name: a name can be held both as Delegated and as Application. */
export function rowsForName(name: string): readonly PermissionRow[] {
  return ROWS_BY_NAME.get(name) ?? [];
}

export function permissionsForArea(area: ConsentArea): readonly PermissionRow[] {
  return PERMISSION_ROWS.filter((row) => row.areas.includes(area));
}

/** The base set every tenant grants first ("Required" in the seed). */
export function requiredPermissions(): readonly PermissionRow[] {
  return permissionsForArea('required');
}

/** The consent areas whose rows include this name, in catalog order. */
export function areasUsingPermission(name: string): ConsentArea[] {
  const rows = rowsForName(name);
  return CONSENT_AREAS.filter((area) => rows.some((row) => row.areas.includes(area)));
}

export function featuresUsingPermission(name: string): FeatureId[] {
  return areasUsingPermission(name).filter(isFeatureId);
}

/** Rows of the given areas held by one app registration as one type, each row once. */
export function rowsFor(areas: readonly ConsentArea[], app: AppRegistrationId, type: PermissionType): PermissionRow[] {
  return PERMISSION_ROWS.filter((row) => row.app === app && row.type === type && row.areas.some((area) => areas.includes(area)));
}

/** The delegated scope names to request on the Tikit app for these areas (the union, no repeats). */
export function delegatedScopesForAreas(areas: readonly ConsentArea[]): string[] {
  return [...new Set(rowsFor(areas, 'tikit', 'Delegated').map((row) => row.name))];
}

export function delegatedScopesForFeature(feature: FeatureId): string[] {
  return delegatedScopesForAreas([feature]);
}

export function appRegistrationsForArea(area: ConsentArea): AppRegistrationId[] {
  return [...new Set(permissionsForArea(area).map((row) => row.app))];
}

export function allFeatures(): readonly Feature[] {
  return FEATURES;
}

export function getFeature(id: FeatureId): Feature {
  const feature = FEATURES.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`No feature ${id} in the catalog`);
  return feature;
}

export function isFeatureId(value: string): value is FeatureId {
  return (FEATURE_IDS as readonly string[]).includes(value);
}

export function areaDisplayName(area: ConsentArea): string {
  return area === 'required' ? 'Required' : getFeature(area).displayName;
}

export function appDisplayName(app: AppRegistrationId): string {
  return APP_REGISTRATIONS[app].displayName;
}
