-- The read side of the strategies in the embedded journal's database: strategies, orders, fills and positions
-- projected from the journal's Strategy events, and how far the projection of each tag got.
-- Idempotent: run at every start. Money and quantities are DECFLOAT, exact decimals.

CREATE TABLE IF NOT EXISTS read_side_offset (
  tag VARCHAR(255) NOT NULL PRIMARY KEY,
  journal_ordering BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS read_side_order (
  strategy_id VARCHAR(255) NOT NULL,
  client_order_id VARCHAR(255) NOT NULL,
  account VARCHAR(255) NOT NULL,
  exchange VARCHAR(255) NOT NULL,
  symbol VARCHAR(255) NOT NULL,
  side VARCHAR(16) NOT NULL,
  order_type VARCHAR(16) NOT NULL,
  quantity DECFLOAT NOT NULL,
  limit_price DECFLOAT,
  reference_price DECFLOAT,
  reduce_only BOOLEAN NOT NULL,
  intent_tag VARCHAR(255),
  created_at BIGINT NOT NULL,
  status VARCHAR(32) NOT NULL,
  filled_quantity DECFLOAT NOT NULL,
  average_price DECFLOAT NOT NULL,
  fees DECFLOAT NOT NULL,
  venue_order_id VARCHAR(255),
  reason VARCHAR,
  updated_at BIGINT NOT NULL,
  event_seq BIGINT NOT NULL,
  PRIMARY KEY (strategy_id, client_order_id)
);

CREATE INDEX IF NOT EXISTS read_side_order_account ON read_side_order (account);

CREATE INDEX IF NOT EXISTS read_side_order_status ON read_side_order (status);

CREATE TABLE IF NOT EXISTS read_side_fill (
  strategy_id VARCHAR(255) NOT NULL,
  client_order_id VARCHAR(255) NOT NULL,
  fill_id VARCHAR(255) NOT NULL,
  account VARCHAR(255) NOT NULL,
  symbol VARCHAR(255) NOT NULL,
  side VARCHAR(16) NOT NULL,
  price DECFLOAT NOT NULL,
  quantity DECFLOAT NOT NULL,
  fee DECFLOAT NOT NULL,
  maker BOOLEAN NOT NULL,
  filled_at BIGINT NOT NULL,
  event_seq BIGINT NOT NULL,
  PRIMARY KEY (strategy_id, client_order_id, fill_id)
);

CREATE TABLE IF NOT EXISTS read_side_position (
  strategy_id VARCHAR(255) NOT NULL,
  symbol VARCHAR(255) NOT NULL,
  account VARCHAR(255) NOT NULL,
  quantity DECFLOAT NOT NULL,
  average_entry_price DECFLOAT NOT NULL,
  realized_pnl DECFLOAT NOT NULL,
  fees DECFLOAT NOT NULL,
  money_scale INT NOT NULL,
  event_seq BIGINT NOT NULL,
  PRIMARY KEY (strategy_id, symbol)
);

CREATE INDEX IF NOT EXISTS read_side_position_account ON read_side_position (account);

CREATE TABLE IF NOT EXISTS read_side_strategy (
  strategy_id VARCHAR(255) NOT NULL PRIMARY KEY,
  strategy_type VARCHAR(255) NOT NULL,
  account VARCHAR(255) NOT NULL,
  exchange VARCHAR(255) NOT NULL,
  symbols VARCHAR NOT NULL,
  params VARCHAR NOT NULL,
  status VARCHAR(32) NOT NULL,
  status_reason VARCHAR,
  status_since BIGINT NOT NULL,
  intended BIGINT NOT NULL,
  filled BIGINT NOT NULL,
  canceled BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  expired BIGINT NOT NULL,
  fills BIGINT NOT NULL,
  event_seq BIGINT NOT NULL
);
