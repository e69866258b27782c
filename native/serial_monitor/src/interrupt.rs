//! Catching Ctrl-C (SIGINT) for a while. Inside the BEAM, SIGINT normally opens the
//! break menu; while a [`CatchInterrupt`] lives, it only sets a flag that the
//! monitor (or `mix atomvm.run`) polls, and the previous handler comes back when the
//! guard is dropped.

use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, Signal};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the handler; read and cleared by [`CatchInterrupt::take`].
static PRESSED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: nix::libc::c_int) {
    // Async-signal-safe: one atomic store.
    PRESSED.store(true, Ordering::SeqCst);
}

/// While alive, SIGINT sets a flag instead of running the previous handler.
pub struct CatchInterrupt {
    previous: Option<SigAction>,
}

impl CatchInterrupt {
    /// Installs the handler (if the OS refuses, Ctrl-C keeps its old meaning).
    pub fn install() -> CatchInterrupt {
        PRESSED.store(false, Ordering::SeqCst);
        let action = SigAction::new(
            SigHandler::Handler(on_sigint),
            SaFlags::SA_RESTART,
            SigSet::empty(),
        );
        // SAFETY: the handler only performs an atomic store, which is
        // async-signal-safe, and the previous action is kept to be restored.
        let previous = unsafe { sigaction(Signal::SIGINT, &action) }.ok();
        CatchInterrupt { previous }
    }

    /// Whether Ctrl-C was pressed since the last call (clears the flag).
    pub fn take(&self) -> bool {
        PRESSED.swap(false, Ordering::SeqCst)
    }
}

impl Drop for CatchInterrupt {
    fn drop(&mut self) {
        if let Some(previous) = &self.previous {
            // SAFETY: restores the action that was in place before `install`.
            let _ = unsafe { sigaction(Signal::SIGINT, previous) };
        }
    }
}
