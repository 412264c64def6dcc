-- 015: the archive (issue 13). Documents, appeals and control cards brought from the council's
-- earlier years keep their own registration (index, number, date) and are marked imported: the
-- time they were imported. A control card imported with a term already past when it came raises
-- no reminder and no overdue notice (src/store/control.ts cardsNeedingNotice).
ALTER TABLE documents ADD COLUMN imported_at timestamptz;
ALTER TABLE control_cards ADD COLUMN imported_at timestamptz;
