import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { GATEWAY_SECRET_HEADER } from '@pc/platform';
import { SURVEY_RESULTS_QUERY, surveyResultsTables, type SurveyResultsAnswer } from './survey-tables';
import {
  COMPLAINT_COLUMNS,
  KPI_COLUMNS,
  KPI_QUERY,
  MONTHLY_COMPLAINTS_QUERY,
  MONTHLY_REPORT_QUERY,
  complaintRow,
  csvField,
  headerOf,
  monthlyReportTables,
  relationshipPlanTables,
  RELATIONSHIP_PLANS_QUERY,
  toCsvSections,
  type Cell,
  type ComplaintsAnswer,
  type ReportAnswer,
  type PlanAnswer,
  type Column,
  type Lang,
  type Table,
} from './export-tables';

export const EXPORT_SETTINGS = Symbol('EXPORT_SETTINGS');

/** The slice of express's response the downloads use (a node ServerResponse plus status/json). */
type Response = ServerResponse & { status(code: number): Response; json(body: unknown): void };
type Request = IncomingMessage;

export interface ExportSettings {
  /** The analytics subgraph's GraphQL URL. */
  analyticsUrl: string;
  /** The intake subgraph's GraphQL URL (relationship plans). */
  intakeUrl: string;
  gatewaySecret?: string;
  timeoutMs: number;
}

/** A GraphQL error answered as the HTTP status a download client understands. */
class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
  }
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
};
const FILES = ['monthly-report', 'monthly-complaints', 'kpis', 'relationship-plans', 'survey-results'] as const;
type ExportFile = (typeof FILES)[number];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Downloads of the analytics read side on the gateway's port, with the caller's own token: the
 * monthly report, the month's complaint list and the KPIs as CSV or Excel, headers in Chinese or
 * English (`lang=zh|en`). Each asks the analytics subgraph the same GraphQL operation a console
 * would, so the scope (organisation and granted sites), roles and input checks are the same.
 */
@Controller('exports')
export class ExportsController {
  constructor(@Inject(EXPORT_SETTINGS) private readonly settings: ExportSettings) {}

  @Get(':file')
  async download(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const m = /^(.+)\.(csv|xlsx)$/.exec(file);
      const name = m?.[1] as ExportFile | undefined;
      if (!m || !FILES.includes(name!)) {
        throw new ExportError(404, 'NOT_FOUND', `no export ${file}; there are ${FILES.map((f) => `${f}.csv|xlsx`).join(', ')}`);
      }
      const format = m[2] as 'csv' | 'xlsx';
      const lang: Lang = query.lang === undefined || query.lang === 'zh' ? 'zh' : query.lang === 'en' ? 'en' : this.badLang();
      const auth = req.headers.authorization;
      if (!auth) throw new ExportError(401, 'UNAUTHENTICATED', 'a bearer token is required');
      const tables = name === 'monthly-complaints' ? null : await this.tablesOf(name!, query, auth);
      const period = str(query.month) ?? str(query.year) ?? str(query.surveyId);
      const filename = `${name}${period ? `-${period}` : ''}.${format}`;
      if (format === 'csv') {
        if (tables) {
          this.start(res, 'text/csv; charset=utf-8', filename);
          res.end(toCsvSections(tables, lang));
        } else await this.complaintsCsv(query, auth, lang, res, filename);
      } else {
        await this.xlsx(res, filename, lang, tables, tables ? undefined : { query, auth });
      }
    } catch (e) {
      const err = e instanceof ExportError ? e : new ExportError(502, 'EXPORT_FAILED', 'the export could not be produced');
      if (res.headersSent) {
        res.destroy(err); // a broken download, never a silently short file
        return;
      }
      res.status(err.status).json({ code: err.code, reason: err.reason, ...(err.field ? { field: err.field } : {}) });
    }
  }

  private badLang(): never {
    throw new ExportError(400, 'BAD_USER_INPUT', 'lang must be zh or en', 'lang');
  }

  private start(res: Response, type: string, filename: string): void {
    res.status(200);
    res.setHeader('content-type', type);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
  }

  private async graphql<T>(auth: string, query: string, variables: Record<string, unknown>, url = this.settings.analyticsUrl): Promise<T> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: auth,
        ...(this.settings.gatewaySecret ? { [GATEWAY_SECRET_HEADER]: this.settings.gatewaySecret } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; field?: string; reason?: string } }[];
    };
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'EXPORT_FAILED';
      throw new ExportError(STATUS[code] ?? 502, code, error.extensions?.reason ?? error.message, error.extensions?.field);
    }
    if (!body.data) throw new ExportError(502, 'EXPORT_FAILED', `the subgraph answered HTTP ${res.status}`);
    return body.data;
  }

  private async tablesOf(name: Exclude<ExportFile, 'monthly-complaints'>, q: Record<string, unknown>, auth: string): Promise<Table[]> {
    if (name === 'monthly-report') {
      const data = await this.graphql<{ monthlyReport: ReportAnswer }>(auth, MONTHLY_REPORT_QUERY, {
        month: str(q.month) ?? '',
        siteId: str(q.siteId),
        areaId: str(q.areaId),
      });
      return monthlyReportTables(data.monthlyReport);
    }
    if (name === 'survey-results') {
      if (!str(q.surveyId)) throw new ExportError(400, 'BAD_USER_INPUT', 'surveyId is required', 'surveyId');
      const data = await this.graphql<{ surveyResults: SurveyResultsAnswer }>(auth, SURVEY_RESULTS_QUERY, { s: str(q.surveyId) });
      return surveyResultsTables(data.surveyResults);
    }
    if (name === 'relationship-plans') {
      const year = Number(str(q.year) ?? NaN);
      if (!Number.isInteger(year)) throw new ExportError(400, 'BAD_USER_INPUT', 'year must be a year (YYYY)', 'year');
      if (!str(q.siteId)) throw new ExportError(400, 'BAD_USER_INPUT', 'siteId is required', 'siteId');
      const data = await this.graphql<{ relationshipPlans: PlanAnswer[] }>(
        auth,
        RELATIONSHIP_PLANS_QUERY,
        { siteId: str(q.siteId), year },
        this.settings.intakeUrl,
      );
      return relationshipPlanTables(data.relationshipPlans);
    }
    const data = await this.graphql<{ kpis: Record<string, Cell>[] }>(auth, KPI_QUERY, {
      from: str(q.from) ?? '',
      to: str(q.to) ?? '',
      bucket: str(q.bucket) ?? 'MONTH',
      siteId: str(q.siteId),
      areaId: str(q.areaId),
      category: str(q.category),
      department: str(q.department),
    });
    return [{ name: { zh: '指标', en: 'KPIs' }, columns: KPI_COLUMNS, rows: data.kpis }];
  }

  /** The month's complaints, page after page as the connection gives them. */
  private async *complaintRows(q: Record<string, unknown>, auth: string): AsyncGenerator<Record<string, Cell>> {
    let after: string | undefined;
    for (;;) {
      const data: ComplaintsAnswer = await this.graphql<ComplaintsAnswer>(auth, MONTHLY_COMPLAINTS_QUERY, {
        month: str(q.month) ?? '',
        siteId: str(q.siteId),
        areaId: str(q.areaId),
        after,
      });
      for (const e of data.monthlyComplaints.edges) yield complaintRow(e.node);
      if (!data.monthlyComplaints.pageInfo.hasNextPage) return;
      after = data.monthlyComplaints.pageInfo.endCursor ?? undefined;
    }
  }

  private async complaintsCsv(q: Record<string, unknown>, auth: string, lang: Lang, res: Response, filename: string): Promise<void> {
    const rows = this.complaintRows(q, auth);
    const first = await rows.next(); // errors (scope, month) surface before any byte is sent
    this.start(res, 'text/csv; charset=utf-8', filename);
    const line = (r: Record<string, Cell>) => `${COMPLAINT_COLUMNS.map((c) => csvField(r[c.key] ?? null)).join(',')}\r\n`;
    res.write(`\uFEFF${COMPLAINT_COLUMNS.map((c) => csvField(headerOf(c, lang))).join(',')}\r\n`);
    if (!first.done) res.write(line(first.value));
    for await (const r of rows) res.write(line(r));
    res.end();
  }

  private async xlsx(
    res: Response,
    filename: string,
    lang: Lang,
    tables: Table[] | null,
    complaints?: { query: Record<string, unknown>; auth: string },
  ): Promise<void> {
    const rows = complaints ? this.complaintRows(complaints.query, complaints.auth) : null;
    const first = rows ? await rows.next() : null;
    this.start(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
    const sheet = (name: string, columns: Column[]) => {
      const ws = book.addWorksheet(name.slice(0, 31));
      ws.columns = columns.map((c) => ({
        header: headerOf(c, lang),
        key: c.key,
        width: Math.max(10, Math.min(40, headerOf(c, lang).length * 2 + 4)),
      }));
      ws.getRow(1).font = { bold: true };
      return ws;
    };
    if (tables) {
      for (const t of tables) {
        const ws = sheet(t.name[lang], t.columns);
        for (const r of t.rows) ws.addRow(r).commit();
        ws.commit();
      }
    } else {
      const ws = sheet(lang === 'zh' ? '投诉明细' : 'Complaints', COMPLAINT_COLUMNS);
      if (first && !first.done) ws.addRow(first.value).commit();
      for await (const r of rows!) ws.addRow(r).commit();
      ws.commit();
    }
    await book.commit();
  }
}
