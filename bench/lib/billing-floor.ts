// The floor of bench/billing-run.ts: what writing the rows of one day's billing run costs when nothing
// but the writes happens. The run's own rows are read back from the database, copied with new keys
// into column arrays beforehand, then written in one committed transaction of one
// INSERT … SELECT FROM unnest(…) per table (and one UPDATE … FROM unnest for the period starts),
// and removed afterwards so the daily sequence starts from the run's state.
import { randomUUID } from "node:crypto";
import type { Client } from "pg";

/** The tables a day's run writes, in insert order (parents before children). */
const TABLES = [
  "invoices",
  "invoice_lines",
  "invoice_tax_lines",
  "renewal_claims",
  "billing_events",
  "outbound_emails",
  "audit_events",
] as const;
type Table = (typeof TABLES)[number];
export type FloorRows = Record<Table | "subscriptions (period starts)", number>;

/** The run and its clock, named once for the conditions below (a query using them starts WITH_RUN). */
const WITH_RUN = "WITH run AS (SELECT $1::uuid AS id, $2::timestamptz AS at)";
const RUN = "(SELECT id FROM run)";
const AT = "(SELECT at FROM run)";

/**
 * Which of each table's rows the run wrote: its invoices are those its ISSUED events name.
 */
const RUN_ROWS: Record<Table, string> = {
  invoices: `id IN (SELECT invoice_id FROM billing_events WHERE run_id = ${RUN} AND kind = 'ISSUED')`,
  invoice_lines: `invoice_id IN (SELECT invoice_id FROM billing_events WHERE run_id = ${RUN} AND kind = 'ISSUED')`,
  invoice_tax_lines: `invoice_id IN (SELECT invoice_id FROM billing_events WHERE run_id = ${RUN} AND kind = 'ISSUED')`,
  renewal_claims: `invoice_id IN (SELECT invoice_id FROM billing_events WHERE run_id = ${RUN} AND kind = 'ISSUED')`,
  billing_events: `run_id = ${RUN}`,
  outbound_emails: `created_at = ${AT}`,
  audit_events: `at = ${AT} AND actor_email = 'system'`,
};

interface Column {
  name: string;
  type: string;
}

/** The columns a copy writes: all but the serial ones (their sequence gives the copy a new id). */
async function columnsOf(pg: Client, table: Table): Promise<Column[]> {
  const { rows } = await pg.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND coalesce(pg_get_expr(d.adbin, d.adrelid), '') NOT LIKE 'nextval(%'
     ORDER BY a.attnum`,
    [table],
  );
  return rows;
}

/** A copy of a row that no unique key of the run's rows refuses: new ids, numbers, keys and claim dates. */
function rekey(table: Table, row: Record<string, string | null>, invoiceIds: Map<string, string>) {
  const invoice = (id: string | null) => (id === null ? null : (invoiceIds.get(id) ?? id));
  const copy = { ...row };
  if (table === "invoices") {
    copy.id = invoice(row.id ?? null);
    copy.number = `FLOOR-${row.number}`;
  }
  if ("invoice_id" in row) copy.invoice_id = invoice(row.invoice_id ?? null);
  if (table === "invoice_lines" || table === "outbound_emails") copy.id = randomUUID();
  // A thousand years later: the same claim shape, outside the run's (subscription, period start) keys.
  if (table === "renewal_claims")
    copy.period_start = `${Number(row.period_start?.slice(0, 4)) + 1000}${row.period_start?.slice(4)}`;
  if (table === "billing_events") copy.key = `floor:${row.key}`;
  if (table === "outbound_emails") copy.dedupe_key = `floor:${row.dedupe_key}`;
  if (table === "audit_events") copy.target_id = invoice(row.target_id ?? null);
  return copy;
}

interface Plan {
  table: Table;
  columns: Column[];
  arrays: (string | null)[][];
}

/** Reads the run's rows of every table and turns their copies into column arrays (not timed). */
async function planCopies(pg: Client, runId: string, at: Date): Promise<Plan[]> {
  const invoiceIds = new Map<string, string>();
  const plans: Plan[] = [];
  for (const table of TABLES) {
    const columns = await columnsOf(pg, table);
    const { rows } = await pg.query<Record<string, string | null>>(
      `${WITH_RUN} SELECT ${columns.map((c) => `"${c.name}"::text AS "${c.name}"`).join(", ")} FROM ${table} WHERE ${RUN_ROWS[table]}`,
      [runId, at],
    );
    if (table === "invoices") for (const r of rows) invoiceIds.set(r.id as string, randomUUID());
    const copies = rows.map((r) => rekey(table, r, invoiceIds));
    plans.push({ table, columns, arrays: columns.map((c) => copies.map((r) => r[c.name] ?? null)) });
  }
  return plans;
}

/**
 * Writes the floor's copy of the run's rows and returns its time and what it wrote. Its transaction
 * pays the unique indexes, foreign keys and the events' webhook trigger, as the run does; the freeze
 * trigger of invoice children is off during it (it refuses lines under an issued invoice, and the
 * floor writes each table once, invoices issued), as is the audit log's for the cleanup.
 */
export async function honestFloor(pg: Client, runId: string, at: Date) {
  const plans = await planCopies(pg, runId, at);
  // The run's period starts: the same subscriptions moved one more period on, then moved back.
  const { rows: subs } = await pg.query<{ id: string; ps: string; pe: string; ne: string }>(
    `SELECT s.id::text AS id, s.current_period_start::text AS ps, s.current_period_end::text AS pe,
            (s.current_period_end + (s.current_period_end - s.current_period_start))::text AS ne
     FROM subscriptions s WHERE s.id IN (SELECT subscription_id FROM billing_events WHERE run_id = $1 AND kind = 'PERIOD_STARTED')`,
    [runId],
  );
  // The freeze refuses lines under an issued invoice (the run writes them under drafts, then issues),
  // and their removal with the copies: off for the copy and its clean-up.
  const freeze = ["invoice_lines", "invoice_tax_lines"].flatMap((t) => [`${t} DISABLE TRIGGER ${t}_protect_issued_insert`, `${t} DISABLE TRIGGER ${t}_protect_issued_delete`]);
  for (const t of freeze) await pg.query(`ALTER TABLE ${t}`);
  // Nothing else writes to the bench's database: the copies are the audit entries after this id.
  const { rows: audit } = await pg.query<{ id: string }>(
    "SELECT coalesce(max(id), 0)::text AS id FROM audit_events",
  );
  const rows = {} as FloorRows;
  const t0 = performance.now();
  await pg.query("BEGIN");
  for (const { table, columns, arrays } of plans) {
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const { rowCount } = await pg.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map((c, k) => `$${k + 1}::${c.type}[]`).join(", ")})`,
      arrays,
    );
    rows[table] = rowCount ?? 0;
  }
  const moved = await pg.query(
    `UPDATE subscriptions s SET current_period_start = x.ps, current_period_end = x.pe
     FROM unnest($1::uuid[], $2::date[], $3::date[]) AS x(id, ps, pe) WHERE s.id = x.id AND s.current_period_end = x.ps`,
    [subs.map((s) => s.id), subs.map((s) => s.pe), subs.map((s) => s.ne)],
  );
  rows["subscriptions (period starts)"] = moved.rowCount ?? 0;
  await pg.query("COMMIT");
  const ms = performance.now() - t0;
  await cleanUp(pg, plans, subs, audit[0]?.id ?? "0");
  for (const t of freeze) await pg.query(`ALTER TABLE ${t.replace(" DISABLE ", " ENABLE ")}`);
  return { ms, rows };
}

/** Removes the copies (the issued invoices and audit entries past their triggers) and moves the subscriptions back. */
async function cleanUp(
  pg: Client,
  plans: Plan[],
  subs: { id: string; ps: string; pe: string }[],
  auditBefore: string,
) {
  const column = (table: Table, name: string) => {
    const plan = plans.find((p) => p.table === table) as Plan;
    return plan.arrays[plan.columns.findIndex((c) => c.name === name)] ?? [];
  };
  const invoices = column("invoices", "id");
  await pg.query("BEGIN");
  await pg.query("ALTER TABLE invoices DISABLE TRIGGER invoices_protect_issued");
  await pg.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
  await pg.query("DELETE FROM outbound_emails WHERE id = ANY($1::uuid[])", [column("outbound_emails", "id")]);
  await pg.query("DELETE FROM billing_events WHERE key = ANY($1::text[])", [column("billing_events", "key")]);
  await pg.query("DELETE FROM renewal_claims WHERE invoice_id = ANY($1::uuid[])", [invoices]);
  await pg.query("DELETE FROM audit_events WHERE id > $1", [auditBefore]);
  await pg.query("DELETE FROM invoices WHERE id = ANY($1::uuid[])", [invoices]);
  await pg.query(
    `UPDATE subscriptions s SET current_period_start = x.ps, current_period_end = x.pe
     FROM unnest($1::uuid[], $2::date[], $3::date[]) AS x(id, ps, pe) WHERE s.id = x.id`,
    [subs.map((s) => s.id), subs.map((s) => s.ps), subs.map((s) => s.pe)],
  );
  await pg.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update");
  await pg.query("ALTER TABLE invoices ENABLE TRIGGER invoices_protect_issued");
  await pg.query("COMMIT");
  await pg.query(`VACUUM ANALYZE subscriptions, ${TABLES.join(", ")}`);
}

/** What the run wrote, counted from the database: the floor must write as many rows of each table. */
export async function runRows(pg: Client, runId: string, at: Date): Promise<FloorRows> {
  const rows = {} as FloorRows;
  for (const table of TABLES) {
    const { rows: r } = await pg.query<{ n: number }>(
      `${WITH_RUN} SELECT count(*)::int AS n FROM ${table} WHERE ${RUN_ROWS[table]}`,
      [runId, at],
    );
    rows[table] = r[0]?.n ?? 0;
  }
  const { rows: s } = await pg.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM billing_events WHERE run_id = $1 AND kind = 'PERIOD_STARTED'",
    [runId],
  );
  rows["subscriptions (period starts)"] = s[0]?.n ?? 0;
  return rows;
}
