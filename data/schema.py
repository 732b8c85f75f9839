"""The two files' schemas. The mirror (SIPSABOT_DB) holds public data only and can be deleted and rebuilt:
dimension tables (products, markets, inputs) with aliases; fact tables keyed on their natural key (WITHOUT ROWID,
integer ids first) so lookups by product x market x date are one seek. The state (SIPSABOT_STATE_DB) holds
everything users created: alerts and their outbox, saved series, chat memory and settings.

Both files carry their version in PRAGMA user_version; data/migrations.py upgrades them. These DDL strings are the
newest version of each file; older versions are frozen in tests/fixtures for the upgrade tests."""

from __future__ import annotations

# Mirror versions: 1 = the single-file layout of the first release (user_version 0, meta.schema_version 1);
# 2 = public data only (the user tables moved to the state file).
MIRROR_VERSION = 3
STATE_VERSION = 1
# The tables that moved from the single-file layout to the state file (data/migrations.py splits them).
USER_TABLES = ("alert_subscriptions", "alert_series", "alert_chats", "alert_queue", "chat_state", "saved_series")

MIRROR_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    group_name TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'kg' CHECK (unit IN ('kg', 'unidad', 'litro')),
    art_id INTEGER
);
CREATE TABLE IF NOT EXISTS product_aliases (
    alias TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products(id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS product_aliases_key ON product_aliases (key);

CREATE TABLE IF NOT EXISTS markets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'market' CHECK (kind IN ('market', 'city')),
    city TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    dept_code TEXT NOT NULL DEFAULT '',
    fuen_id INTEGER
);
CREATE TABLE IF NOT EXISTS market_aliases (
    alias TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    market_id INTEGER NOT NULL REFERENCES markets(id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS market_aliases_key ON market_aliases (key);

CREATE TABLE IF NOT EXISTS weekly_prices (
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    week_start TEXT NOT NULL,
    week_end TEXT NOT NULL,
    price_min REAL,
    price_max REAL,
    price_mean REAL NOT NULL,
    trend TEXT,
    source TEXT NOT NULL,
    PRIMARY KEY (product_id, market_id, week_start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS weekly_prices_week ON weekly_prices (week_start);

CREATE TABLE IF NOT EXISTS daily_city_prices (
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    price_mean REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (product_id, market_id, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS daily_city_prices_day ON daily_city_prices (day);

CREATE TABLE IF NOT EXISTS daily_prices (
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    price_min REAL,
    price_max REAL,
    price_mean REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (product_id, market_id, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS daily_prices_day ON daily_prices (day);

CREATE TABLE IF NOT EXISTS monthly_prices (
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    price_min REAL,
    price_max REAL,
    price_mean REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (product_id, market_id, month)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS monthly_prices_month ON monthly_prices (month);

CREATE TABLE IF NOT EXISTS monthly_supply (
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    tonnes REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (product_id, market_id, month)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS monthly_supply_month ON monthly_supply (month);

CREATE TABLE IF NOT EXISTS weekly_group_supply (
    market_id INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    week_start TEXT NOT NULL,
    week_end TEXT NOT NULL,
    tonnes REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (market_id, group_name, week_start)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS supply_origins (
    market_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    origin_muni_code TEXT NOT NULL,
    origin_dept_code TEXT NOT NULL,
    origin_dept TEXT NOT NULL,
    origin_muni TEXT NOT NULL,
    group_name TEXT NOT NULL DEFAULT '',
    kg REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (market_id, day, product_id, origin_muni_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS supply_origins_product ON supply_origins (product_id, day);

CREATE TABLE IF NOT EXISTS inputs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS input_prices (
    input_id INTEGER NOT NULL,
    muni_code TEXT NOT NULL,
    month TEXT NOT NULL,
    dept TEXT NOT NULL DEFAULT '',
    muni TEXT NOT NULL DEFAULT '',
    price REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (input_id, muni_code, month)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS import_runs (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    dataset TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    duration_s REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'ok',
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    reject_reasons TEXT NOT NULL DEFAULT '{}',
    checksum TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT ''
);

"""

STATE_DDL = """
-- The state's own key/value table (named apart from the mirror's `meta`, because both files are attached to the
-- same connection and unqualified names must resolve to exactly one table).
CREATE TABLE IF NOT EXISTS state_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- The canonical key of every product/market id the state refers to, so a rebuilt mirror (whose ids may differ)
-- can be mapped back: data/state_ids.py.
CREATE TABLE IF NOT EXISTS id_keys (
    kind TEXT NOT NULL CHECK (kind IN ('product', 'market')),
    id INTEGER NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Price alerts (data/alerts_store.py). rule: above/below (threshold in COP), change (threshold in %,
-- direction up/down/any), digest (every new period of a product). last_period: the newest period of the series
-- when the subscription was created (older data is never news to it).
CREATE TABLE IF NOT EXISTS alert_subscriptions (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    user_id INTEGER,
    product_id INTEGER NOT NULL,
    market_id INTEGER,
    dataset TEXT NOT NULL DEFAULT 'weekly',
    rule TEXT NOT NULL CHECK (rule IN ('above', 'below', 'change', 'digest')),
    threshold REAL,
    direction TEXT NOT NULL DEFAULT '' CHECK (direction IN ('', 'up', 'down', 'any')),
    armed INTEGER NOT NULL DEFAULT 1,
    paused INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    last_period TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_subscriptions_chat ON alert_subscriptions (chat_id);
CREATE INDEX IF NOT EXISTS alert_subscriptions_series ON alert_subscriptions (dataset, product_id, market_id);
-- Newest period already evaluated per series (market_id 0: a product-wide digest); one row per series, so an
-- evaluation writes a few thousand rows, not one per subscription.
CREATE TABLE IF NOT EXISTS alert_series (
    dataset TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    last_period TEXT NOT NULL,
    PRIMARY KEY (dataset, product_id, market_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alert_chats (
    chat_id INTEGER PRIMARY KEY,
    quiet_start INTEGER,
    quiet_end INTEGER,
    blocked_at TEXT NOT NULL DEFAULT ''
);
-- The outbox: one row per alert, keyed (subscription, observation period) before any send. status: pending ->
-- sending -> delivered | dropped; a 'sending' row found at start-up is in doubt (the process died mid-send).
CREATE TABLE IF NOT EXISTS alert_queue (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    subscription_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    payload TEXT NOT NULL,
    forecast TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    in_doubt INTEGER NOT NULL DEFAULT 0,
    held INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL DEFAULT '',
    sent_at TEXT NOT NULL DEFAULT '',
    message_id INTEGER,
    error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS alert_queue_status ON alert_queue (status, chat_id);

-- Telegram chats (data/chats.py): what each chat asked last (follow-ups) and its settings (default
-- market). A group that becomes a supergroup moves its row to the new chat id.
CREATE TABLE IF NOT EXISTS chat_state (
    chat_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL DEFAULT '{}',
    settings TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL DEFAULT ''
);

-- Series a chat saved for forecasting (data/series_store.py): product x market x frequency,
-- with the name the chat gave it and its preferred horizon. Numbered per chat by position (id order).
CREATE TABLE IF NOT EXISTS saved_series (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    market_id INTEGER NOT NULL,
    freq TEXT NOT NULL DEFAULT 'W' CHECK (freq IN ('W', 'M', 'D')),
    horizon INTEGER,
    created_at TEXT NOT NULL DEFAULT '',
    UNIQUE (chat_id, product_id, market_id, freq)
);
CREATE INDEX IF NOT EXISTS saved_series_chat ON saved_series (chat_id, id);
"""

# Fact tables: name -> (natural key columns, value columns, date column). Importers and the upsert use it.
FACTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "weekly_prices": (("product_id", "market_id", "week_start"),
                      ("week_end", "price_min", "price_max", "price_mean", "trend", "source"), "week_start"),
    "daily_city_prices": (("product_id", "market_id", "day"), ("price_mean", "source"), "day"),
    "daily_prices": (("product_id", "market_id", "day"), ("price_min", "price_max", "price_mean", "source"), "day"),
    "monthly_prices": (("product_id", "market_id", "month"),
                       ("price_min", "price_max", "price_mean", "source"), "month"),
    "monthly_supply": (("product_id", "market_id", "month"), ("tonnes", "source"), "month"),
    "weekly_group_supply": (("market_id", "group_name", "week_start"), ("week_end", "tonnes", "source"), "week_start"),
    "supply_origins": (("market_id", "day", "product_id", "origin_muni_code"),
                       ("origin_dept_code", "origin_dept", "origin_muni", "group_name", "kg", "source"), "day"),
    "input_prices": (("input_id", "muni_code", "month"), ("dept", "muni", "price", "source"), "month"),
}

