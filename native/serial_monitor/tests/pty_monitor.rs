//! The monitor against pseudo-terminals standing in for a device: lines written on
//! the device side come out, and when the device goes away (its terminal closes) and
//! comes back (a new terminal behind the same path, a symlink here) the monitor
//! reconnects and goes on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nix::pty::{openpty, OpenptyResult};
use serial_monitor::{run, Event, Settings};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

fn pty() -> (std::fs::File, std::path::PathBuf, OpenptyResult) {
    let pair = openpty(None, None).unwrap();
    let path = std::fs::read_link(format!("/proc/self/fd/{}", pair.slave.as_raw_fd())).unwrap();
    let master = std::fs::File::from(pair.master.try_clone().unwrap());
    (master, path, pair)
}

#[derive(Debug)]
enum Seen {
    Data(Vec<u8>),
    Event(Event),
}

fn wait_for(
    rx: &mpsc::Receiver<Seen>,
    what: &str,
    mut pred: impl FnMut(&[Seen]) -> bool,
) -> Vec<Seen> {
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !pred(&seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(s) => seen.push(s),
            Err(_) => panic!("timed out waiting for {what}; saw {seen:?}"),
        }
    }
    seen
}

fn text(seen: &[Seen]) -> String {
    let bytes: Vec<u8> = seen
        .iter()
        .filter_map(|s| match s {
            Seen::Data(d) => Some(d.clone()),
            Seen::Event(_) => None,
        })
        .flatten()
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn prints_lines_and_reconnects_after_the_device_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("ttyDEVICE");
    let (mut master, path, pair) = pty();
    std::os::unix::fs::symlink(&path, &link).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let settings = Settings {
        port: link.display().to_string(),
        baud: 115_200,
        retry: Duration::from_millis(20),
    };
    let stop2 = Arc::clone(&stop);
    let worker = std::thread::spawn(move || {
        let tx2 = tx.clone();
        run(
            &settings,
            &stop2,
            &mut |d| {
                let _ = tx.send(Seen::Data(d.to_vec()));
            },
            &mut |e| {
                let _ = tx2.send(Seen::Event(e));
            },
        );
    });

    wait_for(&rx, "the connection", |s| {
        s.iter()
            .any(|x| matches!(x, Seen::Event(Event::Connected(_))))
    });
    master
        .write_all(b"hello from the device\r\nsecond line\r\n")
        .unwrap();
    wait_for(&rx, "two lines", |s| text(s).contains("second line"));

    // The device goes away: its terminal is closed.
    drop(master);
    drop(pair);
    wait_for(&rx, "the disconnection", |s| {
        s.iter()
            .any(|x| matches!(x, Seen::Event(Event::Disconnected(_))))
    });

    // It comes back behind the same name.
    let (mut master2, path2, _pair2) = pty();
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&path2, &link).unwrap();
    wait_for(&rx, "the reconnection", |s| {
        s.iter()
            .any(|x| matches!(x, Seen::Event(Event::Connected(_))))
    });
    master2.write_all(b"after reset\r\n").unwrap();
    wait_for(&rx, "output after the reconnection", |s| {
        text(s).contains("after reset")
    });

    stop.store(true, Ordering::Relaxed);
    worker.join().unwrap();
}

#[test]
fn a_missing_port_is_waited_for_and_stop_ends_the_loop() {
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let settings = Settings {
        port: "/dev/no-such-device-here".into(),
        baud: 115_200,
        retry: Duration::from_millis(10),
    };
    let stop2 = Arc::clone(&stop);
    let worker = std::thread::spawn(move || {
        run(&settings, &stop2, &mut |_| {}, &mut |e| {
            let _ = tx.send(e);
        });
    });
    let first = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(first, Event::Waiting("/dev/no-such-device-here".into()));
    std::thread::sleep(Duration::from_millis(100));
    // Announced once, not on every retry.
    assert!(rx.try_recv().is_err());
    stop.store(true, Ordering::Relaxed);
    worker.join().unwrap();
}

#[test]
fn sigint_is_caught_while_the_guard_lives() {
    let guard = serial_monitor::interrupt::CatchInterrupt::install();
    assert!(!guard.take());
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGINT).unwrap();
    assert!(guard.take(), "the handler saw Ctrl-C");
    assert!(!guard.take(), "the flag is cleared");
    drop(guard);
}
