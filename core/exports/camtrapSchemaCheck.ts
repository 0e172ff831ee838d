// Checks a Camtrap DP package against the official files (used by the tests; the schemas are not shipped with the
// app). datapackage.json is validated with the JSON Schema draft-04 profile, whose two remote references are served
// from offline copies; each CSV is checked against its Frictionless table schema: header, required fields, types,
// enums, patterns, bounds, unique and primary keys, and foreign keys between the tables.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { PACKAGE_ROOT } from '../paths';

const FRICTIONLESS_URL = 'https://specs.frictionlessdata.io/schemas/data-package.json';
const GEOJSON_URL = 'http://json.schemastore.org/geojson.json';

// The formats the profile uses, at the strictness Frictionless applies them.
const FORMATS = {
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  // Frictionless' hint for editors: any text.
  textarea: /[\s\S]*/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Validates a datapackage.json object; returns readable errors (none when valid). */
export function checkDescriptor(descriptor: unknown, interopDir: string): string[] {
  const frictionless = readJson(path.join(interopDir, 'frictionless-v1', 'data-package.json'));
  // The 2022 Frictionless build restricts contributor roles; Camtrap DP defines its own (see INTEROP.md).
  const contributor = (
    frictionless.properties as { contributors: { items: { properties: { role: { enum?: unknown } } } } }
  ).contributors.items.properties.role;
  delete contributor.enum;
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  ajv.addSchema({ ...frictionless, id: FRICTIONLESS_URL }, FRICTIONLESS_URL);
  ajv.addSchema({ ...readJson(path.join(interopDir, 'geojson', 'geojson.json')), id: GEOJSON_URL }, GEOJSON_URL);
  const validate = ajv.compile(readJson(path.join(interopDir, 'camtrap-dp-1.0.2', 'camtrap-dp-profile.json')));
  if (validate(descriptor)) return [];
  return (validate.errors ?? []).map(
    (e) => `datapackage.json${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

export interface TableSchema {
  fields: Field[];
  missingValues?: string[];
  primaryKey?: string;
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
}

export type Table = Record<string, string>[];

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})$/;
const TRUE = ['true', 'True', 'TRUE', '1'];
const FALSE = ['false', 'False', 'FALSE', '0'];

function typeError(field: Field, value: string): string | null {
  switch (field.type) {
    case 'string':
    case 'any':
      return null;
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? null : 'is not an integer';
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'is not a number';
    case 'boolean':
      return TRUE.includes(value) || FALSE.includes(value) ? null : 'is not a boolean';
    case 'datetime': {
      const m = DATETIME.exec(value);
      if (!m) return `is not a datetime with a zone (${field.format})`;
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
      return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! && +m[4]! < 24
        ? null
        : 'is not a valid date and time';
    }
    default:
      return `has a type this checker does not know (${field.type})`;
  }
}

/** Checks one CSV table against its table schema; returns the parsed rows (missing values as "") and errors. */
export function checkTable(name: string, csv: string, schema: TableSchema): { rows: Table; errors: string[] } {
  const errors: string[] = [];
  const [header = [], ...body] = parseCsv(csv);
  const names = schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(','))
    errors.push(`${name}: header ${header.join(',')} differs from the schema's fields ${names.join(',')}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const rows = body.map((cells) =>
    Object.fromEntries(header.map((h, i) => [h, missing.has(cells[i] ?? '') ? '' : cells[i]!])),
  );
  body.forEach((cells, i) => {
    if (cells.length !== header.length)
      errors.push(`${name} row ${i + 2}: ${cells.length} cells, header has ${header.length}`);
  });
  for (const field of schema.fields) {
    const c = field.constraints ?? {};
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const value = row[field.name] ?? '';
      const where = `${name} row ${i + 2} ${field.name} "${value}"`;
      if (value === '') {
        if (c.required) errors.push(`${where}: required`);
        return;
      }
      const bad = typeError(field, value);
      if (bad) errors.push(`${where}: ${bad}`);
      if (c.enum && !c.enum.includes(value)) errors.push(`${where}: not one of ${c.enum.join('|')}`);
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value))
        errors.push(`${where}: does not match ${c.pattern}`);
      if (c.minimum !== undefined && Number(value) < c.minimum) errors.push(`${where}: below ${c.minimum}`);
      if (c.maximum !== undefined && Number(value) > c.maximum) errors.push(`${where}: above ${c.maximum}`);
      if ((c.unique || schema.primaryKey === field.name) && seen.has(value)) errors.push(`${where}: duplicate`);
      seen.add(value);
    });
  }
  return { rows, errors };
}

/** Every non-empty foreign key value must exist in the referenced table. */
export function checkForeignKeys(
  name: string,
  rows: Table,
  schema: TableSchema,
  tables: Record<string, Table>,
): string[] {
  const errors: string[] = [];
  for (const fk of schema.foreignKeys ?? []) {
    const target = new Set((tables[fk.reference.resource] ?? []).map((r) => r[fk.reference.fields]));
    rows.forEach((row, i) => {
      const value = row[fk.fields] ?? '';
      if (value !== '' && !target.has(value))
        errors.push(`${name} row ${i + 2} ${fk.fields} "${value}": not in ${fk.reference.resource}`);
    });
  }
  return errors;
}

/** Validates a whole package folder: descriptor, the three tables and their keys. */
export function checkCamtrapPackage(
  dir: string,
  interopDir: string,
): { errors: string[]; tables: Record<string, Table> } {
  const errors = checkDescriptor(readJson(path.join(dir, 'datapackage.json')), interopDir);
  const tables: Record<string, Table> = {};
  const schemas: Record<string, TableSchema> = {};
  for (const name of ['deployments', 'media', 'observations']) {
    schemas[name] = readJson(
      path.join(interopDir, 'camtrap-dp-1.0.2', `${name}-table-schema.json`),
    ) as unknown as TableSchema;
    const result = checkTable(name, fs.readFileSync(path.join(dir, `${name}.csv`), 'utf8'), schemas[name]);
    tables[name] = result.rows;
    errors.push(...result.errors);
  }
  for (const name of Object.keys(schemas))
    errors.push(...checkForeignKeys(name, tables[name]!, schemas[name]!, tables));
  return { errors, tables };
}

/**
 * The official Camtrap DP files and their offline references: THUMPER_INTEROP_DIR, else shared/ beside the checkout,
 * else where the test setup fetched them (testing/testAssets.ts).
 */
export function interopDir(): string {
  const shared = path.join(PACKAGE_ROOT, '..', 'shared', 'interop');
  const cached = path.join(PACKAGE_ROOT, '.cache', 'test-assets', 'interop');
  const dir = process.env.THUMPER_INTEROP_DIR ?? (!fs.existsSync(shared) && fs.existsSync(cached) ? cached : shared);
  if (!fs.existsSync(path.join(dir, 'camtrap-dp-1.0.2'))) {
    throw new Error(
      `the Camtrap DP schemas were not found in ${dir}: set THUMPER_INTEROP_DIR to the folder that holds camtrap-dp-1.0.2/`,
    );
  }
  return dir;
}
