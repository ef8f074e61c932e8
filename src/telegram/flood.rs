//! Per-chat flood control: messages and button presses each have a token bucket, presses a
//! more generous one (a person taps faster than they type).

use std::time::Instant;

/// Messages one chat may send at once before the rest are skipped ...
const MESSAGE_BURST: f64 = 20.0;
/// ... and how many more each second after that.
const MESSAGE_PER_SEC: f64 = 1.0;
/// Presses one chat may make at once ...
const PRESS_BURST: f64 = 40.0;
/// ... and how many more each second after that.
const PRESS_PER_SEC: f64 = 3.0;

/// A token bucket.
struct Bucket {
    tokens: f64,
    burst: f64,
    per_sec: f64,
    at: Instant,
}

impl Bucket {
    fn new(burst: f64, per_sec: f64, now: Instant) -> Bucket {
        Bucket {
            tokens: burst,
            burst,
            per_sec,
            at: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() * self.per_sec;
        self.tokens = (self.tokens + earned).min(self.burst);
        self.at = now;
    }

    fn take(&mut self) -> bool {
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Full again by `now`.
    fn full_by(&self, now: Instant) -> bool {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() * self.per_sec;
        self.tokens + earned >= self.burst
    }

    fn half_full(&self) -> bool {
        self.tokens >= self.burst / 2.0
    }
}

/// One chat's flood state.
pub struct Flood {
    messages: Bucket,
    presses: Bucket,
    told: bool,
}

impl Flood {
    /// A chat that has sent nothing yet.
    pub fn new() -> Flood {
        let now = Instant::now();
        Flood {
            messages: Bucket::new(MESSAGE_BURST, MESSAGE_PER_SEC, now),
            presses: Bucket::new(PRESS_BURST, PRESS_PER_SEC, now),
            told: false,
        }
    }

    /// True when a message (or, with `message` false, a press) arriving `now` may be handled.
    pub fn allow(&mut self, message: bool, now: Instant) -> bool {
        self.messages.refill(now);
        self.presses.refill(now);
        if self.messages.half_full() && self.presses.half_full() {
            self.told = false;
        }
        if message {
            self.messages.take()
        } else {
            self.presses.take()
        }
    }

    /// True when, by `now`, the chat has rested long enough to be as a new chat: both
    /// allowances full again (so its state can be forgotten).
    pub fn rested(&self, now: Instant) -> bool {
        self.messages.full_by(now) && self.presses.full_by(now)
    }

    /// True the first time in a flood: the person is told once, not once per update.
    pub fn tell(&mut self) -> bool {
        !std::mem::replace(&mut self.told, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn presses_and_messages_have_their_own_allowance() {
        let mut f = Flood::new();
        let t = Instant::now();
        let presses = (0..100).filter(|_| f.allow(false, t)).count();
        assert_eq!(presses, 40);
        // Presses used up do not stop typed messages.
        let messages = (0..100).filter(|_| f.allow(true, t)).count();
        assert_eq!(messages, 20);
        assert!(f.tell());
        assert!(!f.tell());
        // Ten seconds later: thirty presses and ten messages more.
        let later = t + Duration::from_secs(10);
        assert_eq!((0..100).filter(|_| f.allow(false, later)).count(), 30);
        assert_eq!((0..100).filter(|_| f.allow(true, later)).count(), 10);
    }

    #[test]
    fn a_chat_is_rested_once_both_allowances_are_full_again() {
        let mut f = Flood::new();
        let t = Instant::now();
        assert!(f.rested(t));
        assert!(f.allow(true, t));
        assert!(!f.rested(t));
        // One message back each second; presses were not touched.
        assert!(f.rested(t + Duration::from_secs(1)));
        assert!(f.allow(false, t));
        assert!(!f.rested(t + Duration::from_millis(100)));
    }
}
