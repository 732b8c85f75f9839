"""Price alerts: pure rules (rules.py), the Spanish text (messages.py), evaluation of new data (evaluate.py),
quiet hours and the fan-out plan (outbox.py) and creating subscriptions (create.py); the names callers use are
re-exported here.

Pipeline after each successful refresh (handlers/jobs.py drives it):
1. `evaluate(conn)`: import runs newer than the durable cursor name the datasets that changed; only series with
   a period newer than the one last evaluated for them (alert_series) are evaluated, and only for subscriptions
   created before that period. Alerts are queued in the outbox (their facts as JSON, rendered at send time)
   under the key (subscription, observation period); the armed states, the series watermarks and the cursor
   advance in the same, single transaction. A kill during evaluation rolls it back and the next start redoes
   it; the key makes a repeated evaluation queue nothing twice. When several periods arrive at once (a bot
   that was down), only the newest counts: older periods are history, not news.
2. Fan-out (handlers/jobs.py): for each due batch, the keys are marked 'sending' (committed) BEFORE the HTTP
   request, and 'delivered' (committed) after Telegram answers.

Delivery guarantee, stated honestly. Telegram's sendMessage has no idempotency key, so no client can make a
send "exactly once" across a crash: if the process dies after Telegram accepted a message but before the
'delivered' commit, nobody can tell whether it arrived. We choose AT-LEAST-ONCE for those in-doubt keys: a
lost alert costs a trader money, a repeated one is an annoyance. At start-up, rows still 'sending' become
pending with `in_doubt` set and are resent with a visible note ("si ya recibiste esta alerta, ignórala").
Every key that is not in doubt is sent at most once (it is 'delivered' or it never left), so duplicates are
bounded by the sends in flight at the moment of the kill: at most `concurrency` messages (one per chat being
served; SIPSABOT_ALERT_CONCURRENCY, default 4; 1 gives the strict one-message window at a lower rate on slow
links), and zero when the kill does not land inside an HTTP round trip. Keys never change, so the same key is
never queued twice. tests/test_alerts_kill.py measures this against the real `sipsabot run` process.
"""

from models.alerts.create import MAX_PER_CHAT, AlertRequestError, Created, create, pick_dataset
from models.alerts.evaluate import EvalResult, evaluate
from models.alerts.messages import (
    DATASET_LABELS,
    DEMO_NOTE,
    IN_DOUBT_NOTE,
    SHORT_UNITS,
    UNITS,
    alert_text,
    cop,
    digest_text,
    forecast_query,
    pct_text,
    period_text,
    render,
    rule_text,
    subscription_text,
)
from models.alerts.outbox import MAX_MESSAGE, Batch, hhmm, in_quiet, local_minute, parse_hhmm, plan
from models.alerts.rules import Decision, change_pct, condition_met, decide

__all__ = ["DATASET_LABELS", "DEMO_NOTE", "IN_DOUBT_NOTE", "MAX_MESSAGE", "MAX_PER_CHAT", "SHORT_UNITS", "UNITS",
           "AlertRequestError", "Batch", "Created", "Decision", "EvalResult", "alert_text", "change_pct",
           "condition_met", "cop", "create", "decide", "digest_text", "evaluate", "forecast_query", "hhmm",
           "in_quiet", "local_minute", "parse_hhmm", "pct_text", "period_text", "pick_dataset", "plan", "render",
           "rule_text", "subscription_text"]
