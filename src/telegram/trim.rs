//! Memory a burst of work freed, given back to the operating system once the bot is idle:
//! glibc's allocator otherwise keeps freed pages in its per-thread arenas for good, so a crowd
//! of thousands of chats within seconds left the bot as big as at its peak.

use std::sync::Arc;

use tokio::sync::Notify;

use super::Shared;

/// Jobs routed since memory was last given back before it is worth doing again once idle (a
/// few milliseconds of the allocator's time each; at Telegram's pace, a minute or more apart).
const AFTER_JOBS: usize = 1_000;

/// Gives the allocator's free pages back to the operating system; nothing where the allocator
/// is not glibc's.
fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free memory to the system; it takes the allocator's
    // own locks and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Counts a burst of work: jobs routed and chats at work, so the router can tell when a burst
/// worth giving memory back after has ended.
#[derive(Debug, Default)]
pub(super) struct Burst {
    working: usize,
    jobs: usize,
}

impl Burst {
    /// A job was routed; `started` when it set a chat's worker going.
    pub(super) fn routed(&mut self, started: bool) {
        self.jobs += 1;
        if started {
            self.working += 1;
        }
    }

    /// A chat's worker ran out of jobs: true when that ends a burst of at least [`AFTER_JOBS`]
    /// jobs (no chat at work), and the count starts again.
    pub(super) fn rested(&mut self) -> bool {
        self.working = self.working.saturating_sub(1);
        let ended = self.working == 0 && self.jobs >= AFTER_JOBS;
        if ended {
            self.jobs = 0;
        }
        ended
    }
}

/// Gives memory back each time the router says it has gone idle after [`AFTER_JOBS`] jobs.
pub(super) fn spawn(shared: &Arc<Shared>, idle: Arc<Notify>) {
    let stop = shared.stop.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = idle.notified() => {}
            }
            if let Err(e) = tokio::task::spawn_blocking(give_back).await {
                tracing::warn!("giving memory back failed: {e}");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_ends_when_the_last_chat_rests_after_enough_jobs() {
        let mut burst = Burst::default();
        // Two chats at work through most of a burst: the first to rest ends nothing.
        burst.routed(true);
        burst.routed(true);
        for _ in 2..AFTER_JOBS {
            burst.routed(false);
        }
        assert!(!burst.rested());
        assert!(burst.rested());
        // The count started again: a short burst after it is not worth giving memory back.
        burst.routed(true);
        assert!(!burst.rested());
    }

    #[test]
    fn a_short_burst_is_carried_into_the_next() {
        let mut burst = Burst::default();
        for _ in 0..AFTER_JOBS - 1 {
            burst.routed(true);
            assert!(!burst.rested());
        }
        burst.routed(true);
        assert!(burst.rested());
    }

    /// Resident memory, read from `/proc`.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn resident() -> Option<u64> {
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
        // SAFETY: `sysconf` only reads a configuration value.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        Some(pages * u64::try_from(page).ok()?)
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn memory_a_burst_freed_goes_back_to_the_system() {
        const MB: u64 = 1 << 20;
        // 64 MB in small blocks (as a burst of chats leaves them), the last one kept, so the
        // allocator cannot hand the freed space below it back on its own as it frees.
        let mut blocks: Vec<Vec<u8>> = (0..16_384).map(|i| vec![i as u8; 4096]).collect();
        let kept = blocks.pop().unwrap_or_default();
        drop(blocks);
        let Some(before) = resident() else {
            panic!("no /proc/self/statm");
        };
        give_back();
        let Some(after) = resident() else {
            panic!("no /proc/self/statm");
        };
        assert!(
            after + 32 * MB < before,
            "resident {} MB before, {} MB after",
            before / MB,
            after / MB
        );
        assert_eq!(kept, vec![255u8; 4096]);
    }
}
