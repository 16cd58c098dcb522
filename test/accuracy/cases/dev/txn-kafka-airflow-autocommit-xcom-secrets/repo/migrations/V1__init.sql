-- schema migrations (contents omitted)
CREATE TABLE IF NOT EXISTS transactions (id TEXT PRIMARY KEY);
