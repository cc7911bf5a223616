-- Invoice number search by prefix ("F2026-0004…", what people copy from a statement), case-insensitive:
-- a btree range scan instead of intersecting the trigram index's long posting lists (ADR 0012).
CREATE INDEX "invoices_number_prefix_idx" ON "invoices" (upper("number") text_pattern_ops);
