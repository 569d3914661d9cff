//! Helpers shared by the in-browser tests (tests/web.rs, tests/components.rs).

use std::time::Duration;

/// How long the app may take to render: generous, since CI machines are slow and shared.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Polls `cond` every few milliseconds until it holds or `TIMEOUT` passes; returns whether it held.
/// (A condition, never a fixed sleep.)
pub async fn wait_for(mut cond: impl FnMut() -> bool) -> bool {
    let step = Duration::from_millis(20);
    let mut waited = Duration::ZERO;
    while waited < TIMEOUT {
        if cond() {
            return true;
        }
        yew::platform::time::sleep(step).await;
        waited += step;
    }
    cond()
}
