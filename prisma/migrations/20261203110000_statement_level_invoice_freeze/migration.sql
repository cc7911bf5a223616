-- Hand-written (issue 15, performance; ADR 0014): the freeze of an issued invoice's lines and tax
-- lines is checked once per statement over the rows it touched (transition tables), not once per row.
-- The billing run writes a thousand lines in one INSERT; the per-row trigger ran a query per line and
-- doubled that statement's time. The rule is the same and a little stricter: an UPDATE is refused when
-- either the line's old or its new invoice is issued (the row trigger only looked at the new one).
-- AFTER triggers fire before the statement ends, so a refused statement still writes nothing.
DROP TRIGGER "invoice_lines_protect_issued" ON "invoice_lines";
DROP TRIGGER "invoice_tax_lines_protect_issued" ON "invoice_tax_lines";
DROP FUNCTION "invoice_children_protect_issued"();

-- The rows an INSERT wrote or a DELETE removed, as `changed`.
CREATE FUNCTION "invoice_children_protect_issued"() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed c JOIN "invoices" i ON i."id" = c."invoice_id" WHERE i."status" <> 'DRAFT') THEN
    RAISE EXCEPTION '% of an issued invoice cannot change', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- An UPDATE's rows before (`previous`) and after (`changed`).
CREATE FUNCTION "invoice_children_protect_issued_update"() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT "invoice_id" FROM changed UNION SELECT "invoice_id" FROM previous) c
             JOIN "invoices" i ON i."id" = c."invoice_id" WHERE i."status" <> 'DRAFT') THEN
    RAISE EXCEPTION '% of an issued invoice cannot change', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- PostgreSQL takes transition tables on single-event triggers only: three per table.
CREATE TRIGGER "invoice_lines_protect_issued_insert" AFTER INSERT ON "invoice_lines"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued"();
CREATE TRIGGER "invoice_lines_protect_issued_delete" AFTER DELETE ON "invoice_lines"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued"();
CREATE TRIGGER "invoice_lines_protect_issued_update" AFTER UPDATE ON "invoice_lines"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued_update"();
CREATE TRIGGER "invoice_tax_lines_protect_issued_insert" AFTER INSERT ON "invoice_tax_lines"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued"();
CREATE TRIGGER "invoice_tax_lines_protect_issued_delete" AFTER DELETE ON "invoice_tax_lines"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued"();
CREATE TRIGGER "invoice_tax_lines_protect_issued_update" AFTER UPDATE ON "invoice_tax_lines"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "invoice_children_protect_issued_update"();
