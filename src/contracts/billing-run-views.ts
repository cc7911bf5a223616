/** What the back-office's billing-run screens show: a run with its progress, and the preview. */
export interface BillingRunCountsDto {
  invoicesCreated: number;
  linesCreated: number;
  periodsStarted: number;
  remindersSent: number;
  suspensions: number;
  terminations: number;
  reinstatements: number;
  cyclesLengthened: number;
  errors: number;
}

export interface BillingRunViewDto {
  id: string;
  asOf: string;
  dryRun: boolean;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  counts: BillingRunCountsDto;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  customersTotal: number | null;
  customersDone: number;
  /** Customers the run could not bill, with their names (null: the run's own problem, such as RUN_ABANDONED). */
  errors: { customerId: string | null; customerName: string | null; code: string }[];
}

export type PreviewActionKind = "ISSUE_RENEWAL" | "START_PERIOD" | "SEND_REMINDER" | "SUSPEND" | "SUSPEND_ALL" | "TERMINATE";

export interface BillingPreviewDto {
  from: string;
  to: string;
  customersRead: number;
  counts: Record<PreviewActionKind, number>;
  /** Actions per day, for the chart: one entry per calendar day from `from` to `to`. */
  days: ({ on: string } & Record<PreviewActionKind, number>)[];
  customers: {
    customerId: string;
    customerName: string;
    actions: { kind: PreviewActionKind; on: string; subscriptionIds: string[]; subscriptions: string[]; invoiceId: string | null; invoiceNumber: string | null }[];
  }[];
  errors: { customerId: string; customerName: string; code: string }[];
}
