import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';

/**
 * Offline validation against Microsoft's Adaptive Card 1.5 JSON schema (draft-06), vendored under
 * test/cards/schema/ because adaptivecards.io is not reachable from CI.
 */

const SCHEMA_FILE = path.join(__dirname, '..', 'cards', 'schema', 'adaptive-card-1.5.json');

type JsonObject = Record<string, unknown>;

function loadSchema(): JsonObject {
  const raw = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonObject;
  // Ajv 8 refuses the draft-04/06 spelling `id`; `$id` means the same.
  const { id, ...schema } = raw;
  const definitions = schema.definitions as Record<string, JsonObject>;
  const card = definitions.AdaptiveCard;
  if (!card?.properties) throw new Error(`${SCHEMA_FILE} has no AdaptiveCard definition`);
  // Teams' documented host extension on the root card (width: "Full", mention entities). The
  // official schema forbids unknown properties, so it would reject every card that uses it.
  card.properties = { ...(card.properties as JsonObject), msteams: { type: 'object' } };
  return { ...schema, $id: id };
}

function compile() {
  const draft06 = JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8'));
  const ajv = new Ajv({
    strict: false, // the schema carries documentation keywords (version, examples, …) Ajv does not know
    allErrors: true,
    formats: {
      uri: (value: string) => URL.canParse(value),
      'uri-reference': true, // relative references are allowed by the schema
    },
  });
  ajv.addMetaSchema(draft06);
  const schema = loadSchema();
  const card = ajv.compile(schema);
  // Element and action definitions are the ones whose `type` property names themselves.
  const definitions = schema.definitions as Record<string, { properties?: { type?: { enum?: unknown[] } } }>;
  const byType = (type: string) =>
    Object.hasOwn(definitions, type) && definitions[type]?.properties?.type?.enum?.includes(type)
      ? ajv.getSchema(`${String(schema.$id)}#/definitions/${type}`)
      : undefined;
  return { card, byType };
}

let validators: ReturnType<typeof compile> | undefined;

/** Human-readable schema problems of a bound card; empty when the card is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  validators ??= compile();
  if (validators.card(card)) return [];
  const precise = [...new Set(typedObjects(card).flatMap((o) => explain(o, validators!)))];
  return precise.length > 0 ? precise : (validators.card.errors ?? []).map((e) => describe('', e));
}

/**
 * Elements and actions are an `anyOf` over every type, so one mistake yields dozens of errors from
 * branches that could never match. Instead, check each typed object against its own definition and
 * keep the errors that are its own (a nested typed object reports for itself).
 */
function explain({ path: at, value, nested }: TypedObject, v: NonNullable<typeof validators>): string[] {
  const validate = v.byType(value.type);
  if (!validate) return [`${at || '/'}: unknown type "${value.type}"`];
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((e) => !nested.some((inner) => e.instancePath === inner || e.instancePath.startsWith(`${inner}/`)))
    .map((e) => describe(at, e));
}

interface TypedObject {
  path: string;
  value: { type: string };
  /** Paths, relative to this object, of the typed objects inside it. */
  nested: string[];
}

/** Every object with a string `type` (elements, actions, inlines, the card), outside `data` payloads. */
function typedObjects(node: unknown, at = ''): TypedObject[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => typedObjects(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const children = Object.entries(node)
    .filter(([key]) => key !== 'data')
    .flatMap(([key, value]) => typedObjects(value, `${at}/${key}`));
  const type = (node as { type?: unknown }).type;
  if (typeof type !== 'string') return children;
  const nested = children.map((c) => c.path.slice(at.length));
  return [{ path: at, value: node as { type: string }, nested }, ...children];
}

function describe(at: string, e: ErrorObject): string {
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
      : e.keyword === 'enum'
        ? ` ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
        : '';
  return `${at + e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
}
