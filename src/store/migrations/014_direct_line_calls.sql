-- 014: calls on the «Пряма лінія» answered orally, with no registration card (003 §87-91; seed 000
-- line 25: «прийнято 567 телефонних звернень …, на 184 звернення заведено … картки …, на решту
-- надано усні роз’яснення»). A call with a card is an appeal (channel direct-line) and lives in
-- `appeals`; one answered on the spot is only counted, so no applicant is kept here: no name,
-- phone or text (Law «Про захист персональних даних» art. 6: no more data than the purpose needs).
-- The report's direct line = cards + these calls.
CREATE TABLE direct_line_calls (
  id          uuid PRIMARY KEY,
  called_at   timestamptz NOT NULL,
  -- The Kyiv date of the call: the report's period is over it.
  received_on date        NOT NULL,
  -- Classifier codes of the questions asked (003 §89 «визначення переліку питань»), if noted.
  topics      text[]      NOT NULL DEFAULT '{}',
  -- Who took the call and recorded it (a staff id, or system:<token> for an EDMS).
  taken_by    text        NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX direct_line_calls_received_idx ON direct_line_calls (received_on, id);
