import 'reflect-metadata';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { parse } from 'fast-csv';
import { FileComplaintInput } from '@pc/intake';
import { progressPrinter, type Progress } from './progress';

/** Fields that hold a list in a CSV cell, separated by "|". */
const LISTS = new Set(['circumstances', 'attachments', 'coDepartments']);
const BOOLEANS = new Set(['serious', 'urgent', 'valid']);
const DATES = new Set(['receivedAt', 'requestedReplyBy']);

export interface SourceRow {
  /** 1-based line (JSONL) or record (CSV, after the header) in the file. */
  line: number;
  recordId: string;
  fields: Record<string, unknown>;
}

export interface Rejection {
  line: number;
  recordId: string;
  code: string;
  field: string | null;
  reason: string;
}

export interface ImportOptions {
  file: string;
  /** Names the source (record ids are unique within it); the file's name by default. */
  source?: string;
  /** The gateway's GraphQL URL. */
  url: string;
  token: string;
  /** Records per `importComplaints` call (≤ 1,000; 200 by default, well inside the gateway's request timeout). */
  batch?: number;
  /** Where the refused records go (JSON lines with their reasons); `<file>.rejects.jsonl` by default. */
  rejects?: string;
  /** Only the first N records (a partial run, e.g. to try a file). */
  limit?: number;
  onProgress?(p: Progress): void;
}

export interface ImportSummary {
  records: number;
  filed: number;
  duplicates: number;
  rejected: number;
  rejectsFile: string;
  seconds: number;
}

/** A CSV cell or JSON value as the complaint input takes it. */
function normalise(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(fields)) {
    if (k === 'recordId' || raw === '' || raw === null || raw === undefined) continue;
    if (typeof raw === 'string' && LISTS.has(k)) {
      out[k] = raw
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (typeof raw === 'string' && BOOLEANS.has(k)) out[k] = /^(true|yes|1)$/i.test(raw.trim());
    else out[k] = raw;
  }
  return out;
}

/** Reads a .jsonl or .csv file (UTF-8, header row for CSV) into records. */
export async function readSource(file: string): Promise<{ rows: SourceRow[]; unreadable: Rejection[] }> {
  const rows: SourceRow[] = [];
  const unreadable: Rejection[] = [];
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text.trim()) return;
        try {
          const obj = JSON.parse(text) as Record<string, unknown>;
          rows.push({
            line: i + 1,
            recordId: typeof obj.recordId === 'string' || typeof obj.recordId === 'number' ? String(obj.recordId) : '',
            fields: normalise(obj),
          });
        } catch (e) {
          unreadable.push({ line: i + 1, recordId: '', code: 'BAD_USER_INPUT', field: null, reason: `not JSON: ${(e as Error).message}` });
        }
      });
    return { rows, unreadable };
  }
  if (ext !== '.csv') throw new Error(`${file}: give a .csv (with a header row) or a .jsonl file`);
  await new Promise<void>((resolve, reject) => {
    let line = 0;
    createReadStream(file)
      .pipe(parse({ headers: (h) => h.map((x) => x?.replace(/^\uFEFF/, '').trim()), trim: true }))
      .on('error', reject)
      .on('data', (r: Record<string, string>) => {
        line += 1;
        rows.push({ line, recordId: r.recordId ?? '', fields: normalise(r) });
      })
      .on('end', () => resolve());
  });
  return { rows, unreadable };
}

const firstError = (errors: ValidationError[], prefix = ''): { field: string; reason: string } | null => {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const reason = Object.values(e.constraints ?? {})[0];
    if (reason) return { field, reason };
    const inner = firstError(e.children ?? [], field);
    if (inner) return inner;
  }
  return null;
};

/** The checks the GraphQL edge would make, here, so that one bad record never fails a whole batch. */
export async function checkRecord(row: SourceRow): Promise<Rejection | null> {
  if (!row.recordId.trim()) {
    return { line: row.line, recordId: '', code: 'BAD_USER_INPUT', field: 'recordId', reason: 'every record needs its recordId' };
  }
  const plain = { ...row.fields };
  for (const d of DATES) {
    if (typeof plain[d] === 'string') {
      const t = Date.parse(plain[d]);
      if (Number.isNaN(t)) {
        return { line: row.line, recordId: row.recordId, code: 'BAD_USER_INPUT', field: d, reason: `${d} must be an ISO-8601 date-time` };
      }
      plain[d] = new Date(t);
    }
  }
  const errors = await validate(plainToInstance(FileComplaintInput, plain), { whitelist: true, forbidNonWhitelisted: true });
  const e = firstError(errors);
  return e ? { line: row.line, recordId: row.recordId, code: 'BAD_USER_INPUT', ...e } : null;
}

const MUTATION = `mutation Import($input: ImportComplaintsInput!) {
  importComplaints(input: $input) { filed duplicates rejected { recordId code field reason } }
}`;

interface Answer {
  data?: {
    importComplaints: {
      filed: number;
      duplicates: number;
      rejected: { recordId: string; code: string; field: string | null; reason: string }[];
    };
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Imports historic or paper records through the gateway's `importComplaints` (every intake rule;
 * idempotent by source and record id, so a re-run or a resumed run never duplicates), batch after
 * batch, with progress; refused records go to the rejects file with their reasons.
 */
export async function importFile(o: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const source =
    o.source ??
    basename(o.file, extname(o.file))
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .slice(0, 50);
  const rejectsFile = o.rejects ?? `${o.file}.rejects.jsonl`;
  const batchSize = Math.min(1000, Math.max(1, o.batch ?? 200));
  const read = await readSource(o.file);
  const rows = o.limit ? read.rows.slice(0, o.limit) : read.rows;
  const rejected: Rejection[] = [...read.unreadable];
  let filed = 0;
  let duplicates = 0;
  let done = 0;
  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    o.onProgress?.({
      label: 'import',
      unit: 'records',
      done,
      total: rows.length,
      rate,
      etaSeconds: rate > 0 ? (rows.length - done) / rate : null,
    });
  };
  for (let i = 0; i < rows.length; i += batchSize) {
    const part = rows.slice(i, i + batchSize);
    const good: SourceRow[] = [];
    for (const row of part) {
      const bad = await checkRecord(row);
      if (bad) rejected.push(bad);
      else good.push(row);
    }
    if (good.length) {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
        body: JSON.stringify({
          query: MUTATION,
          variables: { input: { source, rows: good.map((r) => ({ recordId: r.recordId, complaint: r.fields })) } },
        }),
      });
      const answer = (await res.json().catch(() => ({}))) as Answer;
      if (answer.errors?.length || !answer.data) {
        const e = answer.errors?.[0];
        throw new Error(
          `the batch from record ${part[0].line} was refused (${e?.extensions?.code ?? `HTTP ${res.status}`}: ${e?.message ?? 'no answer'}); nothing after it was sent. Run the same command again to resume: records already imported are skipped`,
        );
      }
      const r = answer.data.importComplaints;
      filed += r.filed;
      duplicates += r.duplicates;
      const lineOf = new Map(good.map((g) => [g.recordId, g.line]));
      for (const x of r.rejected) rejected.push({ line: lineOf.get(x.recordId) ?? 0, ...x });
    }
    done += part.length;
    report();
  }
  writeFileSync(rejectsFile, rejected.map((r) => JSON.stringify(r)).join('\n') + (rejected.length ? '\n' : ''));
  return { records: rows.length, filed, duplicates, rejected: rejected.length, rejectsFile, seconds: (Date.now() - started) / 1000 };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `npm run import -- file.csv|file.jsonl [--source NAME] [--batch N] [--rejects FILE] [--url URL]`, token in PC_TOKEN. */
async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
  const token = process.env.PC_TOKEN;
  if (!file || !token) {
    process.stderr.write(
      'usage: PC_TOKEN=<a front-desk, complaint-rep or quality token> npm run import -- file.csv|file.jsonl [--source NAME] [--batch 200] [--rejects FILE] [--url http://127.0.0.1:4000/graphql]\n',
    );
    process.exit(2);
  }
  const url = arg('url') ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
  const printer = progressPrinter();
  const s = await importFile({
    file,
    source: arg('source'),
    url,
    token,
    batch: arg('batch') ? Number(arg('batch')) : undefined,
    rejects: arg('rejects'),
    onProgress: (p) => printer.show(p),
  });
  printer.end();
  process.stdout.write(
    `${s.records} records in ${s.seconds.toFixed(1)} s (${(s.records / Math.max(s.seconds, 0.001)).toFixed(0)}/s): ${s.filed} filed, ${s.duplicates} already imported, ${s.rejected} refused${s.rejected ? ` (reasons in ${s.rejectsFile})` : ''}\n`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`import failed: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
