//! A fake Telegram Bot API on 127.0.0.1 for driving the real `signpost serve` binary.
//!
//! It records every call and rejects what Telegram would reject, using `tests/fixtures/bot-api.json`
//! (derived from the official API description): unknown methods, missing required fields,
//! unknown fields, texts outside 1-4096 characters, `callback_data` outside 1-64 bytes, malformed
//! `reply_markup` (inline keyboards, reply keyboards and their removal), callback answers over
//! 200 characters, bad commands, descriptions over 512 and short descriptions over 120
//! characters. It also refuses any
//! `parse_mode` (signpost sends plain text only). Updates follow Telegram's offset rules, so an
//! update not yet confirmed is delivered again to a restarted bot.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

/// One recorded call.
#[derive(Debug, Clone)]
pub struct Call {
    /// The method as documented (`sendMessage`).
    pub method: String,
    /// The JSON body.
    pub body: Value,
    /// When it arrived.
    pub at: Instant,
    /// The HTTP status answered.
    pub status: u16,
    /// The `result` answered, when the call succeeded.
    pub result: Value,
}

/// A failure to answer with, once, instead of handling a call.
#[derive(Debug, Clone)]
pub enum Failure {
    /// 429 with `retry_after`.
    RetryAfter(u32),
    /// 500 Internal Server Error.
    ServerError,
    /// 401 Unauthorized, as Telegram answers a revoked or mistyped token.
    Unauthorized,
    /// 400 Bad Request, as Telegram refuses a call it will never accept.
    BadRequest,
    /// A 200 whose body is not JSON.
    Malformed,
    /// The connection breaks before the answer is complete.
    Reset,
    /// The call is handled normally, but only after this long.
    Slow(Duration),
    /// The call is never answered (recorded with status 0); the client must give up.
    Hang,
}

struct Inner {
    /// Pending updates as `(update_id, JSON text)`: text, so a test can send what a
    /// `serde_json::Value` cannot hold (a lone surrogate escape, say).
    updates: Vec<(i64, String)>,
    next_update: i64,
    next_message: i64,
    calls: Vec<Call>,
    rejects: Vec<(String, String)>,
    failures: HashMap<String, VecDeque<Failure>>,
    enforce_limits: bool,
    /// Whether calls are kept for [`FakeBotApi::calls`] (watchers get them either way).
    keep_calls: bool,
    sends: Vec<(Instant, i64)>,
    watchers: Vec<tokio::sync::mpsc::UnboundedSender<Call>>,
    /// Chats whose person blocked the bot: sending to them is refused with 403.
    blocked: HashSet<i64>,
    /// How long every call but `getUpdates` takes to be answered ([`FakeBotApi::answer_after`]).
    delay: Option<Duration>,
    /// Calls being answered now (not `getUpdates`, nor those refused or failed before being
    /// handled), and the most there ever were at once.
    in_flight: usize,
    max_in_flight: usize,
}

/// A call counted in flight until dropped.
struct InFlight(Arc<Shared>);

impl InFlight {
    fn enter(shared: &Arc<Shared>) -> InFlight {
        let mut inner = shared.inner.lock().expect("state");
        inner.in_flight += 1;
        inner.max_in_flight = inner.max_in_flight.max(inner.in_flight);
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.0.inner.lock() {
            inner.in_flight -= 1;
        }
    }
}

struct Shared {
    inner: Mutex<Inner>,
    spec: Value,
    methods: HashMap<String, String>,
    new_updates: Notify,
}

/// A running fake.
#[derive(Clone)]
pub struct FakeBotApi {
    /// Base URL for `TELOXIDE_API_URL`.
    pub url: String,
    shared: Arc<Shared>,
}

fn spec() -> Value {
    let text = include_str!("../fixtures/bot-api.json");
    serde_json::from_str(text).expect("fixture parses")
}

impl FakeBotApi {
    /// Starts a fake on a free port of 127.0.0.1.
    pub async fn start() -> FakeBotApi {
        let spec = spec();
        let methods = spec["methods"]
            .as_object()
            .expect("methods")
            .keys()
            .map(|k| (k.to_lowercase(), k.clone()))
            .collect();
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                updates: Vec::new(),
                next_update: 1000,
                next_message: 1,
                calls: Vec::new(),
                rejects: Vec::new(),
                failures: HashMap::new(),
                enforce_limits: false,
                keep_calls: true,
                sends: Vec::new(),
                watchers: Vec::new(),
                blocked: HashSet::new(),
                delay: None,
                in_flight: 0,
                max_in_flight: 0,
            }),
            spec,
            methods,
            new_updates: Notify::new(),
        });
        let app = Router::new()
            .route("/{bot}/{method}", axum::routing::post(handle).get(handle))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("addr");
        // Without TCP_NODELAY every call would stall ~40 ms (Nagle and delayed ACK).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeBotApi {
            url: format!("http://{addr}"),
            shared,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.shared.inner.lock().expect("fake state")
    }

    /// Answers the next call of `method` with `failure` instead.
    pub fn fail_next(&self, method: &str, failure: Failure) {
        self.lock()
            .failures
            .entry(method.to_string())
            .or_default()
            .push_back(failure);
    }

    /// The person in `chat` blocks the bot: every later `sendMessage` to them is answered 403,
    /// as Telegram does.
    pub fn block(&self, chat: i64) {
        self.lock().blocked.insert(chat);
    }

    /// Stops keeping calls (for long benchmarks: [`FakeBotApi::watch`] still sees them).
    pub fn forget_calls(&self) {
        let mut inner = self.lock();
        inner.keep_calls = false;
        inner.calls = Vec::new();
    }

    /// Answers every call but `getUpdates` only after `delay`, as a distant server would.
    pub fn answer_after(&self, delay: Duration) {
        self.lock().delay = Some(delay);
    }

    /// The most calls that were ever being answered at once (`getUpdates`, refusals and
    /// injected failures aside).
    pub fn max_in_flight(&self) -> usize {
        self.lock().max_in_flight
    }

    /// Answers 429 past Telegram's limits: over 3 messages a second to one chat, or over 30 a
    /// second overall.
    pub fn enforce_limits(&self) {
        self.lock().enforce_limits = true;
    }

    /// Queues an update (its `update_id` is set) and returns the id.
    pub fn push(&self, mut update: Value) -> i64 {
        let id = {
            let mut inner = self.lock();
            let id = inner.next_update;
            inner.next_update += 1;
            update["update_id"] = json!(id);
            inner.updates.push((id, update.to_string()));
            id
        };
        self.shared.new_updates.notify_waiters();
        id
    }

    /// Queues an update twice under one id, so both copies arrive in one batch, before the bot
    /// can confirm the first: a duplicate delivery as Telegram may make.
    pub fn push_twice(&self, mut update: Value) -> i64 {
        let id = {
            let mut inner = self.lock();
            let id = inner.next_update;
            inner.next_update += 1;
            update["update_id"] = json!(id);
            inner.updates.push((id, update.to_string()));
            inner.updates.push((id, update.to_string()));
            id
        };
        self.shared.new_updates.notify_waiters();
        id
    }

    /// Queues an update exactly as given (its own `update_id`).
    pub fn push_raw(&self, update: Value) {
        let id = update["update_id"].as_i64().unwrap_or(0);
        self.push_text(id, &update.to_string());
    }

    /// Queues an update as JSON text, sorted in a batch as `id`: for what no well-behaved
    /// encoder would write.
    pub fn push_text(&self, id: i64, json: &str) {
        self.push_texts(&[(id, json.to_string())]);
    }

    /// Queues updates as JSON text all at once, so they arrive in one batch.
    pub fn push_texts(&self, updates: &[(i64, String)]) {
        self.lock().updates.extend(updates.iter().cloned());
        self.shared.new_updates.notify_waiters();
    }

    /// Every call from now on, as it is answered (for a load driver).
    pub fn watch(&self) -> tokio::sync::mpsc::UnboundedReceiver<Call> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        self.lock().watchers.push(tx);
        rx
    }

    /// Every call so far.
    pub fn calls(&self) -> Vec<Call> {
        self.lock().calls.clone()
    }

    /// Calls rejected as Telegram would, with the reason.
    pub fn rejects(&self) -> Vec<(String, String)> {
        self.lock().rejects.clone()
    }

    /// Sends a raw request, as a client that is not teloxide might: (status, body).
    pub async fn raw(&self, method: &str, body: &str) -> (u16, Value) {
        let addr = self.url.trim_start_matches("http://");
        let (status, text) = http_post(addr, &format!("/botTEST/{method}"), &[], body).await;
        // Chunked or not, the JSON object is between the first '{' and the last '}'.
        let v = match (text.find('{'), text.rfind('}')) {
            (Some(a), Some(b)) => serde_json::from_str(&text[a..=b]).unwrap_or(Value::Null),
            _ => Value::Null,
        };
        (status, v)
    }
}

/// POSTs JSON to a local HTTP server with extra headers, as a client that is not teloxide
/// would: (status, body).
pub async fn http_post(
    addr: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let extra: String = headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.expect("read");
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .get(9..12)
        .and_then(|c| c.parse().ok())
        .expect("an HTTP status line");
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.trim().to_string())
        .unwrap_or_default();
    (status, body)
}

/// A multipart/form-data body as a JSON object: fields that hold JSON (arrays, objects,
/// numbers) are parsed, others kept as strings.
fn multipart(body: &[u8], boundary: &str) -> Option<Value> {
    let text = String::from_utf8_lossy(body);
    let mut out = serde_json::Map::new();
    for part in text.split(&format!("--{boundary}")) {
        let part = part.trim_start_matches("\r\n");
        if part.trim().is_empty() || part.starts_with("--") {
            continue;
        }
        let (head, value) = part.split_once("\r\n\r\n")?;
        let name = head.split("name=\"").nth(1)?.split('"').next()?;
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let v = match serde_json::from_str::<Value>(value) {
            Ok(v @ (Value::Array(_) | Value::Object(_) | Value::Number(_) | Value::Bool(_))) => v,
            _ => json!(value),
        };
        out.insert(name.to_string(), v);
    }
    Some(Value::Object(out))
}

fn reject(status: u16, description: &str) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
        axum::Json(json!({"ok": false, "error_code": status, "description": description})),
    )
        .into_response()
}

fn ok(result: Value) -> Response {
    axum::Json(json!({"ok": true, "result": result})).into_response()
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    Path((bot, method)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let at = Instant::now();
    if !bot.starts_with("bot") {
        return reject(404, "Not Found");
    }
    let Some(name) = shared.methods.get(&method.to_lowercase()).cloned() else {
        shared
            .inner
            .lock()
            .expect("state")
            .rejects
            .push((method.clone(), "unknown method".into()));
        return reject(404, "Not Found: method not found");
    };
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let body: Value = if body.is_empty() {
        json!({})
    } else if let Some(boundary) = content_type.split("boundary=").nth(1) {
        match multipart(&body, boundary.trim_matches('"')) {
            Some(v) => v,
            None => {
                return record(
                    &shared,
                    &name,
                    json!(null),
                    at,
                    reject(400, "Bad Request: bad multipart body"),
                );
            }
        }
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(_) => {
                return record(
                    &shared,
                    &name,
                    json!(null),
                    at,
                    reject(400, "Bad Request: body is not JSON"),
                );
            }
        }
    };
    // Injected failures first.
    let failure = shared
        .inner
        .lock()
        .expect("state")
        .failures
        .get_mut(&name)
        .and_then(VecDeque::pop_front);
    if let Some(Failure::Slow(d)) = failure {
        tokio::time::sleep(d).await;
    } else if let Some(f) = failure {
        let response = match f {
            Failure::RetryAfter(s) => (
                StatusCode::TOO_MANY_REQUESTS,
                axum::Json(json!({"ok": false, "error_code": 429,
                    "description": format!("Too Many Requests: retry after {s}"),
                    "parameters": {"retry_after": s}})),
            )
                .into_response(),
            Failure::ServerError => reject(500, "Internal Server Error"),
            Failure::Unauthorized => reject(401, "Unauthorized"),
            Failure::BadRequest => reject(400, "Bad Request: refused by the fake"),
            Failure::Malformed => (StatusCode::OK, "<html>oops</html>").into_response(),
            // The connection breaks mid-answer, before the call was carried out (recorded with
            // status 0: no answer was given).
            Failure::Reset => {
                let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
                    Ok(Bytes::from_static(b"{\"ok\":tr")),
                    Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionReset,
                        "reset by the fake",
                    )),
                ];
                unanswered(&shared, &name, body, at);
                return (
                    StatusCode::OK,
                    axum::body::Body::from_stream(tokio_stream::iter(chunks)),
                )
                    .into_response();
            }
            Failure::Hang => {
                unanswered(&shared, &name, body, at);
                // Far longer than any client waits; the client closing the connection drops
                // this future.
                tokio::time::sleep(Duration::from_secs(600)).await;
                return reject(504, "Gateway Timeout");
            }
            Failure::Slow(_) => unreachable!("handled above"),
        };
        return record(&shared, &name, body, at, response);
    }
    if let Err(why) = validate(&shared.spec, &name, &body) {
        shared
            .inner
            .lock()
            .expect("state")
            .rejects
            .push((name.clone(), why.clone()));
        return record(
            &shared,
            &name,
            body,
            at,
            reject(400, &format!("Bad Request: {why}")),
        );
    }
    if name == "getUpdates" {
        return get_updates(&shared, body, at).await;
    }
    let _flight = InFlight::enter(&shared);
    let delay = shared.inner.lock().expect("state").delay;
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    let blocked = body["chat_id"]
        .as_i64()
        .is_some_and(|c| shared.inner.lock().expect("state").blocked.contains(&c));
    if name == "sendMessage" && blocked {
        let r = reject(403, "Forbidden: bot was blocked by the user");
        return record(&shared, &name, body, at, r);
    }
    if name == "sendMessage" {
        let mut inner = shared.inner.lock().expect("state");
        if inner.enforce_limits {
            let chat = body["chat_id"].as_i64().unwrap_or_default();
            let window = at - Duration::from_secs(1);
            inner.sends.retain(|(t, _)| *t > window);
            let per_chat = inner.sends.iter().filter(|(_, c)| *c == chat).count();
            let overall = inner.sends.len();
            if per_chat >= 3 || overall >= 30 {
                let why = format!(
                    "429: {per_chat} to chat {chat} and {overall} overall in the last second"
                );
                drop(inner);
                let r = (
                    StatusCode::TOO_MANY_REQUESTS,
                    axum::Json(json!({"ok": false, "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1}})),
                )
                    .into_response();
                shared
                    .inner
                    .lock()
                    .expect("state")
                    .rejects
                    .push((name.clone(), why));
                return record(&shared, &name, body, at, r);
            }
            inner.sends.push((at, chat));
        }
    }
    let result = answer(&shared, &name, &body);
    record_result(&shared, &name, body, at, ok(result.clone()), result)
}

/// Records a call that got no answer (status 0).
fn unanswered(shared: &Shared, name: &str, body: Value, at: Instant) {
    let mut inner = shared.inner.lock().expect("state");
    if inner.keep_calls {
        inner.calls.push(Call {
            method: name.to_string(),
            body,
            at,
            status: 0,
            result: Value::Null,
        });
    }
}

fn record(shared: &Shared, method: &str, body: Value, at: Instant, response: Response) -> Response {
    record_result(shared, method, body, at, response, Value::Null)
}

fn record_result(
    shared: &Shared,
    method: &str,
    body: Value,
    at: Instant,
    response: Response,
    result: Value,
) -> Response {
    let call = Call {
        method: method.to_string(),
        body,
        at,
        status: response.status().as_u16(),
        result,
    };
    let mut inner = shared.inner.lock().expect("state");
    inner.watchers.retain(|w| w.send(call.clone()).is_ok());
    if inner.keep_calls {
        inner.calls.push(call);
    }
    response
}

async fn get_updates(shared: &Arc<Shared>, body: Value, at: Instant) -> Response {
    let offset = body["offset"].as_i64();
    let timeout = body["timeout"].as_u64().unwrap_or(0).min(10);
    // Answer well before teloxide's 17 s client timeout; at most 1 s while idle keeps the
    // tests quick.
    let deadline = Instant::now() + Duration::from_millis((timeout * 1000).min(1000));
    loop {
        let notified = shared.new_updates.notified();
        {
            let mut inner = shared.inner.lock().expect("state");
            match offset {
                // A negative offset: the last -o updates; everything before is forgotten.
                Some(o) if o < 0 => {
                    inner.updates.sort_by_key(|(id, _)| *id);
                    let keep = usize::try_from(o.unsigned_abs()).unwrap_or(usize::MAX);
                    let drop_n = inner.updates.len().saturating_sub(keep);
                    inner.updates.drain(..drop_n);
                }
                // Confirmed: Telegram forgets everything before the offset.
                Some(o) => inner.updates.retain(|(id, _)| *id >= o),
                None => {}
            }
            if !inner.updates.is_empty() || Instant::now() >= deadline {
                let mut batch: Vec<(i64, String)> =
                    inner.updates.iter().take(100).cloned().collect();
                batch.sort_by_key(|(id, _)| *id);
                drop(inner);
                let texts: Vec<&str> = batch.iter().map(|(_, t)| t.as_str()).collect();
                let text = format!(r#"{{"ok":true,"result":[{}]}}"#, texts.join(","));
                // Kept for tests to read where it parses; the bot gets the text as it is.
                let result = serde_json::from_str::<Value>(&text)
                    .map(|v| v["result"].clone())
                    .unwrap_or(Value::Null);
                let response = (
                    StatusCode::OK,
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    text,
                )
                    .into_response();
                return record_result(shared, "getUpdates", body, at, response, result);
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = tokio::time::timeout(left, notified).await;
    }
}

fn bot_user() -> Value {
    json!({
        "id": 777, "is_bot": true, "first_name": "Signpost", "username": "signpost_test_bot",
        "can_join_groups": true, "can_read_all_group_messages": false,
        "supports_inline_queries": false, "can_connect_to_business": false,
        "has_main_web_app": false
    })
}

fn answer(shared: &Shared, method: &str, body: &Value) -> Value {
    match method {
        "getMe" => bot_user(),
        "getWebhookInfo" => {
            json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0})
        }
        "sendMessage" | "editMessageReplyMarkup" | "editMessageText" => {
            let message_id = if method == "sendMessage" {
                let mut inner = shared.inner.lock().expect("state");
                let id = inner.next_message;
                inner.next_message += 1;
                json!(id)
            } else {
                body["message_id"].clone()
            };
            let mut m = json!({
                "message_id": message_id,
                "date": 1_764_000_000,
                "chat": {"id": body["chat_id"], "type": "private", "first_name": "Resident"},
                "from": bot_user(),
                "text": body.get("text").cloned().unwrap_or(json!("…")),
            });
            // A sent message carries only an inline keyboard (a reply keyboard is not part of it).
            if let Some(markup) = body.get("reply_markup")
                && markup.get("inline_keyboard").is_some()
            {
                m["reply_markup"] = markup.clone();
            }
            m
        }
        _ => json!(true),
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// What Telegram would refuse, as a reason.
fn validate(spec: &Value, method: &str, body: &Value) -> Result<(), String> {
    let fields = spec["methods"][method]
        .as_object()
        .ok_or("unknown method")?;
    let obj = body.as_object().ok_or("parameters must be an object")?;
    for (name, required) in fields {
        if required.as_bool() == Some(true) && obj.get(name).is_none_or(Value::is_null) {
            return Err(format!("{name} is required"));
        }
    }
    for name in obj.keys() {
        if !fields.contains_key(name) {
            return Err(format!("unknown parameter {name}"));
        }
    }
    if obj.contains_key("parse_mode") {
        return Err("parse_mode given: signpost must send plain text".into());
    }
    if let Some(text) = obj.get("text") {
        let t = text.as_str().ok_or("text must be a string")?;
        let n = utf16_len(t);
        let max = if method == "answerCallbackQuery" {
            200
        } else {
            4096
        };
        let min = if method == "answerCallbackQuery" {
            0
        } else {
            1
        };
        if n < min || n > max || (min == 1 && t.trim().is_empty()) {
            return Err(format!("text must be {min}-{max} characters, got {n}"));
        }
    }
    if let Some(markup) = obj.get("reply_markup") {
        validate_markup(spec, markup)?;
    }
    if method == "setMyCommands" {
        let commands = obj["commands"]
            .as_array()
            .ok_or("commands must be an array")?;
        if commands.is_empty() || commands.len() > 100 {
            return Err("1-100 commands".into());
        }
        for c in commands {
            let name = c["command"].as_str().ok_or("command is required")?;
            let d = c["description"].as_str().ok_or("description is required")?;
            if name.is_empty()
                || name.len() > 32
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(format!("bad command name {name:?}"));
            }
            let n = d.chars().count();
            if !(1..=256).contains(&n) {
                return Err(format!("description must be 1-256 characters, got {n}"));
            }
        }
    }
    for (m, field, max) in [
        ("setMyDescription", "description", 512),
        ("setMyShortDescription", "short_description", 120),
    ] {
        if method != m {
            continue;
        }
        if let Some(d) = obj.get(field) {
            let n = utf16_len(d.as_str().ok_or(format!("{field} must be a string"))?);
            if n > max {
                return Err(format!("{field} must be 0-{max} characters, got {n}"));
            }
        }
    }
    if matches!(
        method,
        "setMyCommands" | "setMyDescription" | "setMyShortDescription"
    ) && let Some(code) = obj.get("language_code").and_then(Value::as_str)
        && !(code.is_empty() || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())))
    {
        return Err(format!(
            "language_code must be a two-letter code, got {code:?}"
        ));
    }
    if method == "editMessageReplyMarkup"
        && obj
            .get("reply_markup")
            .is_some_and(|m| m.get("inline_keyboard").is_none())
    {
        return Err("only an inline keyboard can be edited in".into());
    }
    if method == "editMessageReplyMarkup"
        && obj.get("inline_message_id").is_none()
        && (obj.get("chat_id").is_none() || obj.get("message_id").is_none())
    {
        return Err("chat_id and message_id are required".into());
    }
    Ok(())
}

/// Only the fields `type_name` has, and every field it requires.
fn fields_of(
    spec: &Value,
    type_name: &str,
    obj: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    let fields = spec["types"][type_name].as_object().ok_or("spec")?;
    for k in obj.keys() {
        if !fields.contains_key(k) {
            return Err(format!("unknown field {k} in {type_name}"));
        }
    }
    for (k, required) in fields {
        if required.as_bool() == Some(true) && obj.get(k).is_none_or(Value::is_null) {
            return Err(format!("{k} is required in {type_name}"));
        }
    }
    Ok(())
}

/// A keyboard under the typing box (`ReplyKeyboardMarkup`), or its removal.
fn validate_reply_keyboard(spec: &Value, m: &serde_json::Map<String, Value>) -> Result<(), String> {
    if m.contains_key("remove_keyboard") {
        fields_of(spec, "ReplyKeyboardRemove", m)?;
        if m["remove_keyboard"] != json!(true) {
            return Err("remove_keyboard must be true".into());
        }
        return Ok(());
    }
    fields_of(spec, "ReplyKeyboardMarkup", m)?;
    for flag in [
        "is_persistent",
        "resize_keyboard",
        "one_time_keyboard",
        "selective",
    ] {
        if m.get(flag).is_some_and(|v| !v.is_boolean()) {
            return Err(format!("{flag} must be a boolean"));
        }
    }
    if let Some(p) = m.get("input_field_placeholder") {
        let n = utf16_len(
            p.as_str()
                .ok_or("input_field_placeholder must be a string")?,
        );
        if !(1..=64).contains(&n) {
            return Err(format!(
                "input_field_placeholder must be 1-64 characters, got {n}"
            ));
        }
    }
    let rows = m["keyboard"]
        .as_array()
        .ok_or("keyboard must be an array")?;
    if rows.is_empty() {
        return Err("keyboard must have a row".into());
    }
    for row in rows {
        for b in row.as_array().ok_or("each row must be an array")? {
            let b = b.as_object().ok_or("each button must be an object")?;
            fields_of(spec, "KeyboardButton", b)?;
            let text = b["text"].as_str().ok_or("button text must be a string")?;
            if text.trim().is_empty() {
                return Err("button text must not be empty".into());
            }
            let requests: Vec<&String> = b.keys().filter(|k| k.starts_with("request_")).collect();
            if requests.len() > 1 {
                return Err("a keyboard button makes at most one request".into());
            }
            for flag in ["request_contact", "request_location"] {
                if b.get(flag).is_some_and(|v| !v.is_boolean()) {
                    return Err(format!("{flag} must be a boolean"));
                }
            }
        }
    }
    Ok(())
}

fn validate_markup(spec: &Value, markup: &Value) -> Result<(), String> {
    let m = markup.as_object().ok_or("reply_markup must be an object")?;
    let Some(rows) = m.get("inline_keyboard") else {
        return validate_reply_keyboard(spec, m);
    };
    let rows = rows.as_array().ok_or("inline_keyboard must be an array")?;
    if m.len() != 1 {
        return Err("unknown field in InlineKeyboardMarkup".into());
    }
    let fields = spec["types"]["InlineKeyboardButton"]
        .as_object()
        .ok_or("spec")?;
    for row in rows {
        for b in row.as_array().ok_or("each row must be an array")? {
            let b = b.as_object().ok_or("each button must be an object")?;
            for k in b.keys() {
                if !fields.contains_key(k) {
                    return Err(format!("unknown button field {k}"));
                }
            }
            let text = b
                .get("text")
                .and_then(Value::as_str)
                .ok_or("button text is required")?;
            if text.trim().is_empty() {
                return Err("button text must not be empty".into());
            }
            let kinds = b
                .keys()
                .filter(|k| *k != "text" && *k != "style" && *k != "icon_custom_emoji_id")
                .count();
            if kinds != 1 {
                return Err("a button needs exactly one action".into());
            }
            if let Some(data) = b.get("callback_data") {
                let d = data.as_str().ok_or("callback_data must be a string")?;
                if d.is_empty() || d.len() > 64 {
                    return Err(format!("callback_data must be 1-64 bytes, got {}", d.len()));
                }
            }
        }
    }
    Ok(())
}

// ----- updates as Telegram sends them -----

fn user(id: i64, lang: Option<&str>) -> Value {
    let mut u = json!({"id": id, "is_bot": false, "first_name": "Resident"});
    if let Some(l) = lang {
        u["language_code"] = json!(l);
    }
    u
}

/// A text message in a private chat (commands get their entity, as Telegram adds it).
pub fn text(user_id: i64, lang: Option<&str>, text: &str) -> Value {
    let mut m = json!({
        "message_id": 1, "date": 1_764_000_000,
        "chat": {"id": user_id, "type": "private", "first_name": "Resident"},
        "from": user(user_id, lang),
        "text": text,
    });
    if text.starts_with('/') {
        let len = text
            .split_whitespace()
            .next()
            .map(|w| w.encode_utf16().count())
            .unwrap_or(0);
        m["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
    }
    json!({"message": m})
}

/// A button press on message `message_id`.
pub fn press(user_id: i64, lang: Option<&str>, message_id: i64, data: &str) -> Value {
    json!({"callback_query": {
        "id": format!("cq-{user_id}-{message_id}-{data}"),
        "from": user(user_id, lang),
        "chat_instance": "ci",
        "data": data,
        "message": {
            "message_id": message_id, "date": 1_764_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": "Resident"},
            "from": bot_user(), "text": "…"
        }
    }})
}

/// A sticker.
pub fn sticker(user_id: i64, lang: Option<&str>) -> Value {
    json!({"message": {
        "message_id": 2, "date": 1_764_000_000,
        "chat": {"id": user_id, "type": "private", "first_name": "Resident"},
        "from": user(user_id, lang),
        "sticker": {"file_id": "s1", "file_unique_id": "su1", "type": "regular",
                    "width": 512, "height": 512, "is_animated": false, "is_video": false}
    }})
}

/// A contact shared in a private chat: the sender's own (`owner` = the sender, as Telegram's
/// "share my phone number" button sends it), someone else's from their address book (another
/// id), or one without a Telegram account (`None`).
pub fn contact(user_id: i64, lang: Option<&str>, phone: &str, owner: Option<i64>) -> Value {
    let mut c = json!({"phone_number": phone, "first_name": "Resident"});
    if let Some(o) = owner {
        c["user_id"] = json!(o);
    }
    json!({"message": {
        "message_id": 5, "date": 1_764_000_000,
        "chat": {"id": user_id, "type": "private", "first_name": "Resident"},
        "from": user(user_id, lang),
        "contact": c,
    }})
}

/// A text message in a group chat.
pub fn group_text(group_id: i64, user_id: i64, text: &str) -> Value {
    json!({"message": {
        "message_id": 3, "date": 1_764_000_000,
        "chat": {"id": group_id, "type": "group", "title": "Residents' group"},
        "from": user(user_id, Some("en")),
        "text": text,
    }})
}

/// A photo with a caption.
pub fn photo(user_id: i64, lang: Option<&str>, caption: &str) -> Value {
    json!({"message": {
        "message_id": 4, "date": 1_764_000_000,
        "chat": {"id": user_id, "type": "private", "first_name": "Resident"},
        "from": user(user_id, lang),
        "photo": [{"file_id": "p1", "file_unique_id": "pu1", "width": 640, "height": 480}],
        "caption": caption,
    }})
}
