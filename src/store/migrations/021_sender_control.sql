-- 021: control set by the sender (issue 18). A document whose sender put its task under control is
-- under control from registration (003 п. 165), on a card with no executor until the head's
-- resolution names one on it (src/domain/control/sender-card.ts): its responsible executor is
-- unknown, not blank. The lists filtering by executor never match it; the discipline report counts
-- it as «виконавця не призначено».
ALTER TABLE control_cards ALTER COLUMN responsible DROP NOT NULL;
