//! `AtomVM.Native.monitor_start/3` and `monitor_stop/1`: a serial monitor (the
//! `serial_monitor` crate) on its own thread, sending the calling process
//! `{:atomvm_monitor, id, {:data, binary}}`, `{:atomvm_monitor, id, {:event, {kind,
//! port}}}` and, once stopped (Ctrl-C/Ctrl-] on the terminal, or `monitor_stop/1`),
//! `{:atomvm_monitor, id, :done}`.

use rustler::types::binary::OwnedBinary;
use rustler::{Encoder, LocalPid, OwnedEnv};
use serial_monitor::interrupt::CatchInterrupt;
use serial_monitor::keyboard::RawKeyboard;
use serial_monitor::{Event, Settings};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

rustler::atoms! { atomvm_monitor, atomvm_keyboard, interrupt, data, event, done, connected, disconnected, waiting }

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static RUNNING: Mutex<Option<HashMap<u64, Arc<AtomicBool>>>> = Mutex::new(None);

fn registry<T>(f: impl FnOnce(&mut HashMap<u64, Arc<AtomicBool>>) -> T) -> T {
    let mut guard = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// Starts monitoring `port` at `baud`; `keyboard` puts a terminal standard input
/// into raw mode so that Ctrl-C stops the monitor. Returns the monitor's id.
#[rustler::nif]
fn monitor_start(port: String, baud: u32, keyboard: bool, pid: LocalPid) -> u64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let stop = Arc::new(AtomicBool::new(false));
    registry(|r| r.insert(id, Arc::clone(&stop)));
    std::thread::spawn(move || {
        // Ctrl-C (a signal) and Ctrl-] (a key, in a raw terminal) stop the monitor.
        if keyboard {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let ctrl_c = CatchInterrupt::install();
                while !stop.load(Ordering::Relaxed) {
                    if ctrl_c.take() {
                        stop.store(true, Ordering::Relaxed);
                    }
                    std::thread::sleep(Duration::from_millis(30));
                }
            });
        }
        let _keys = keyboard.then(|| RawKeyboard::start(Arc::clone(&stop)));
        let settings = Settings {
            port,
            baud,
            retry: Duration::from_millis(200),
        };
        let env = std::cell::RefCell::new(OwnedEnv::new());
        let send = |f: &dyn Fn(rustler::Env<'_>) -> rustler::Term<'_>| {
            let _ = env.borrow_mut().send_and_clear(&pid, f);
        };
        serial_monitor::run(
            &settings,
            &stop,
            &mut |bytes| {
                send(&|e| {
                    let mut bin = OwnedBinary::new(bytes.len());
                    bin.as_mut_slice().copy_from_slice(bytes);
                    (atomvm_monitor(), id, (data(), bin.release(e))).encode(e)
                });
            },
            &mut |ev| {
                let (kind, port) = match ev {
                    Event::Connected(p) => (connected(), p),
                    Event::Disconnected(p) => (disconnected(), p),
                    Event::Waiting(p) => (waiting(), p),
                };
                send(&|e| (atomvm_monitor(), id, (event(), (kind, port.as_str()))).encode(e));
            },
        );
        registry(|r| r.remove(&id));
        send(&|e| (atomvm_monitor(), id, done()).encode(e));
    });
    id
}

/// Stops monitor `id` (it then sends `:done`); false if there is no such monitor.
#[rustler::nif]
fn monitor_stop(id: u64) -> bool {
    registry(|r| {
        r.get(&id)
            .map(|s| s.store(true, Ordering::Relaxed))
            .is_some()
    })
}

/// Catches Ctrl-C (SIGINT, which would otherwise open the BEAM's break menu) while a
/// child program runs (`mix atomvm.run`): the caller receives `{:atomvm_keyboard,
/// id, :interrupt}` for each one, until `keyboard_stop/1` restores the previous
/// handler. Returns the watch's id.
#[rustler::nif]
fn keyboard_start(pid: LocalPid) -> u64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let done = Arc::new(AtomicBool::new(false));
    registry(|r| r.insert(id, Arc::clone(&done)));
    std::thread::spawn(move || {
        let ctrl_c = CatchInterrupt::install();
        let mut env = OwnedEnv::new();
        while !done.load(Ordering::Relaxed) {
            if ctrl_c.take() {
                let _ =
                    env.send_and_clear(&pid, |e| (atomvm_keyboard(), id, interrupt()).encode(e));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        drop(ctrl_c);
        registry(|r| r.remove(&id));
    });
    id
}

/// Ends a keyboard watch (restoring the terminal); false if there is none.
#[rustler::nif]
fn keyboard_stop(id: u64) -> bool {
    registry(|r| {
        r.get(&id)
            .map(|s| s.store(true, Ordering::Relaxed))
            .is_some()
    })
}
