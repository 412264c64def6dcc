-- 007: local e-petitions (Law «Про звернення громадян» art. 23-1), keyed by the platform's id
-- (<community>/<id>). The latest accepted snapshot is kept whole (it names the author: personal
-- data, 001 §2.2.13, shown only to the roles that may see it); beside it the columns lists and the
-- daily check filter on. document_id is set once the petition is registered through the pipeline.
CREATE TABLE petitions (
  platform_id              text PRIMARY KEY,
  state                    text        NOT NULL,
  considered_as            text,
  votes                    integer     NOT NULL,
  threshold                integer     NOT NULL,
  collection_ends_on       date        NOT NULL,
  collection_ended_on      date,
  snapshot_at              timestamptz NOT NULL,
  snapshot                 jsonb       NOT NULL,
  document_id              uuid REFERENCES documents (id),
  registration_index       text,
  registered_at            timestamptz,
  consideration_started_on date,
  term                     date,
  term_rule                text,
  answered_on              date,
  result                   text,
  outgoing_index           text,
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL
);
-- The daily check: collections that may have ended.
CREATE INDEX petitions_collecting_idx ON petitions (collection_ends_on) WHERE state = 'collecting';
-- Registered but not yet answered: followed against control and the appeal's answer.
CREATE INDEX petitions_open_idx ON petitions (platform_id) WHERE state <> 'answered' AND state <> 'collecting';
CREATE UNIQUE INDEX petitions_document_idx ON petitions (document_id) WHERE document_id IS NOT NULL;

-- Every transition with the rule it rests on, in order (src/domain/petitions).
CREATE TABLE petition_transitions (
  platform_id  text        NOT NULL REFERENCES petitions (platform_id),
  ordinal      integer     NOT NULL,
  from_state   text,
  to_state     text        NOT NULL,
  at           timestamptz NOT NULL,
  effective_on date        NOT NULL,
  rule         text        NOT NULL,
  basis        text        NOT NULL,
  reason_uk    text        NOT NULL,
  details      jsonb,
  PRIMARY KEY (platform_id, ordinal)
);
