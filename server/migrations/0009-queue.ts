/**
 * The electronic queue the back office owns (docs/ARCHITECTURE.md §6.8): each center's
 * configuration as published, its tickets (relational, so call-next can lock one row with
 * `FOR UPDATE SKIP LOCKED`), every queue event (statistics derive from them), the daily number
 * series, desk states, bookings, and the answers to desks' commands (a retried command gets its
 * first answer, never a second call).
 */
export const queue = `
CREATE TABLE queue_configs (
  center_code text PRIMARY KEY,
  config jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_tickets (
  id text PRIMARY KEY,
  center_code text NOT NULL,
  day text NOT NULL,
  number text NOT NULL,
  queue_code text NOT NULL,
  service_code text,
  purpose text NOT NULL CHECK (purpose IN ('consultation', 'submit', 'collect', 'other')),
  priority_category text,
  priority_reason text,
  booking_code text,
  booked_slot_start timestamptz,
  booking_late boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show')),
  desk_code text,
  clerk_id text,
  target_desk_code text,
  note text,
  reg_number text,
  local boolean NOT NULL DEFAULT false,
  issued_at timestamptz NOT NULL,
  called_at timestamptz,
  recalls integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Desks' local walk-in numbers (Л001) repeat across desks; the center's own series never do.
CREATE UNIQUE INDEX queue_tickets_number ON queue_tickets (center_code, day, number) WHERE NOT local;
-- Call-next reads the head of each queue and call class (server/queue/call-next.ts): each head is an index scan.
CREATE INDEX queue_tickets_waiting ON queue_tickets (center_code, queue_code, issued_at, id) WHERE status = 'waiting';
CREATE INDEX queue_tickets_waiting_priority ON queue_tickets (center_code, queue_code, issued_at, id)
  WHERE status = 'waiting' AND priority_category IS NOT NULL;
CREATE INDEX queue_tickets_waiting_booked ON queue_tickets (center_code, queue_code, booked_slot_start, issued_at, id)
  WHERE status = 'waiting' AND booked_slot_start IS NOT NULL;
CREATE INDEX queue_tickets_waiting_targeted ON queue_tickets (center_code, target_desk_code, issued_at, id)
  WHERE status = 'waiting' AND target_desk_code IS NOT NULL;
CREATE INDEX queue_tickets_desk ON queue_tickets (center_code, desk_code) WHERE status IN ('called', 'serving', 'parked');

CREATE TABLE queue_events (
  seq bigserial PRIMARY KEY,
  center_code text NOT NULL,
  ticket_id text NOT NULL REFERENCES queue_tickets (id),
  event text NOT NULL CHECK (event IN ('issued', 'called', 'recalled', 'arrived', 'no_show', 'parked', 'transferred', 'service_ended')),
  at timestamptz NOT NULL,
  desk_code text,
  clerk_id text,
  queue_code text NOT NULL,
  service_code text,
  details jsonb
);
CREATE INDEX queue_events_center_at ON queue_events (center_code, at);
CREATE INDEX queue_events_ticket ON queue_events (ticket_id, seq);

CREATE TABLE queue_series (
  center_code text NOT NULL,
  day text NOT NULL,
  prefix text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (center_code, day, prefix)
);

CREATE TABLE queue_desks (
  center_code text NOT NULL,
  desk_code text NOT NULL,
  paused boolean NOT NULL DEFAULT false,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_code, desk_code)
);

CREATE TABLE queue_bookings (
  code text PRIMARY KEY,
  center_code text NOT NULL,
  service_code text NOT NULL,
  slot_start timestamptz NOT NULL,
  slot_minutes integer NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'checked_in', 'no_show', 'missed', 'cancelled')),
  ticket_id text REFERENCES queue_tickets (id),
  name text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_bookings_slot ON queue_bookings (center_code, service_code, slot_start);

CREATE TABLE queue_commands (
  command_id text PRIMARY KEY,
  device_id text NOT NULL,
  answer jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
`;
