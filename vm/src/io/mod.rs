//! Host I/O: sockets (OTP's `prim_socket` contract on `socket2`), the poller the
//! scheduler sleeps in, and POSIX error names.
//!
//! A native never blocks. Every socket is registered with the poller (`mio`, edge
//! triggered) when it opens. When an operation would block, the socket remembers
//! the caller and its select handle; when the descriptor becomes ready, the caller
//! gets `{'$socket', Socket, select, Handle}` and retries (OTP's select contract).
//! An edge that comes while no one waits needs no one: whoever reads next finds the
//! data, and whoever finds none waits for the next edge. With no process to run,
//! the scheduler waits in the poller until a descriptor is ready or the next timer
//! is due.

pub mod avm_socket;
pub mod errno;
pub mod file;
pub mod interfaces;
pub mod port;
pub mod posix;
pub mod resolve;
pub mod socket;
pub mod terms;

use crate::heap::Heap;
use crate::term::Term;
use crate::vm::Vm;
use std::collections::HashMap;
use std::time::Duration;

/// The VM's open descriptors and the poller that watches them.
#[derive(Default)]
pub struct Io {
    pub(crate) poller: Option<mio::Poll>,
    events: Option<mio::Events>,
    /// Open sockets by resource id (the id of the reference in `{'$socket', Ref}`).
    pub sockets: HashMap<u64, socket::Socket>,
    /// Open files by the id of their `prim_file` reference.
    pub files: HashMap<u64, file::OpenFile>,
    /// `prim_buffer` queues by the id of their reference, with the process that
    /// made each.
    pub buffers: HashMap<u64, (u32, std::collections::VecDeque<u8>)>,
    /// `atomvm:posix_open/2,3` and `subprocess/4` descriptors.
    pub posix: HashMap<u64, posix::PosixFd>,
    /// `atomvm:posix_opendir/1` directories.
    pub dirs: HashMap<u64, posix::PosixDir>,
    /// Open ports by index (`#Port<0.N>`).
    pub ports: HashMap<u32, port::Port>,
    /// The next port index.
    pub next_port: u32,
    /// Registered names of ports (`register(Name, Port)`): name atom → port index.
    pub port_names: HashMap<u32, u32>,
    /// Children of closed ports that had not exited yet, reaped later.
    pub zombies: Vec<std::process::Child>,
}

impl Io {
    /// The poller's registry, the poller created on first use.
    pub fn registry(&mut self) -> std::io::Result<&mio::Registry> {
        if self.poller.is_none() {
            self.poller = Some(mio::Poll::new()?);
        }
        self.poller
            .as_ref()
            .map(mio::Poll::registry)
            .ok_or_else(|| std::io::Error::other("no poller"))
    }

    /// Stops watching descriptor `fd` (before it closes).
    pub fn unwatch(&self, fd: std::os::fd::RawFd) {
        if let Some(poller) = self.poller.as_ref() {
            let _ = poller.registry().deregister(&mut mio::unix::SourceFd(&fd));
        }
    }

    /// Remembers that `waiter` waits on socket `id`.
    pub fn wait(&mut self, id: u64, waiter: socket::Waiter) {
        if let Some(s) = self.sockets.get_mut(&id) {
            s.wait(waiter);
        }
    }

    /// Whether any descriptor is watched: the scheduler then waits in the poller.
    pub fn watching(&self) -> bool {
        self.sockets.values().any(socket::Socket::waiting)
            || self.posix.values().any(|f| f.select.is_some())
            || !self.ports.is_empty()
    }

    /// A `posix_select_*` descriptor became ready: `{select, Fd, Ref, ready_input |
    /// ready_output}` to whoever asked, once.
    pub fn posix_ready(&mut self, id: u64, readable: bool, writable: bool, notes: &mut Vec<Note>) {
        let Some(f) = self.posix.get_mut(&id) else {
            return;
        };
        let Some((pid, reference, input)) = f.select else {
            return;
        };
        if (input && !readable) || (!input && !writable) {
            return;
        }
        f.select = None;
        let mut heap = Heap::default();
        let fd = heap.reference(id);
        let r = heap.reference(reference);
        let what = if input {
            crate::atom::atoms::ready_input
        } else {
            crate::atom::atoms::ready_output
        };
        let message = heap.tuple(&[crate::atom::atoms::select, fd, r, what]);
        notes.push(Note { pid, heap, message });
    }
}

/// A message for a process, in its own heap.
pub struct Note {
    /// Destination.
    pub pid: u32,
    /// The heap holding `message`.
    pub heap: Heap,
    /// The message.
    pub message: Term,
}

impl Vm {
    /// Waits up to `timeout` (`None`: no limit) for watched descriptors and wakes
    /// their waiters. Returns at once when nothing is watched.
    pub fn poll_io(&mut self, timeout: Option<Duration>) {
        if !self.io.watching() {
            if let Some(t) = timeout {
                std::thread::sleep(t);
            }
            return;
        }
        let ready: Vec<(u64, bool, bool)> = {
            let io = &mut self.io;
            let Some(poller) = io.poller.as_mut() else {
                return;
            };
            let events = io
                .events
                .get_or_insert_with(|| mio::Events::with_capacity(256));
            if poller.poll(events, timeout).is_err() {
                return;
            }
            events
                .iter()
                .map(|e| {
                    let closed = e.is_read_closed() || e.is_write_closed() || e.is_error();
                    (
                        e.token().0 as u64,
                        e.is_readable() || closed,
                        e.is_writable() || closed,
                    )
                })
                .collect()
        };
        let mut notes = Vec::new();
        for (id, readable, writable) in ready {
            if let Some(s) = self.io.sockets.get_mut(&id) {
                s.ready(id, readable, writable, &mut notes);
            } else if id >= port::TOKEN_BASE {
                let index = u32::try_from(id - port::TOKEN_BASE).unwrap_or(u32::MAX);
                // A port whose program ended is gone: the processes linked to it
                // (its owner first) are told when they trap exits.
                for pid in self.io.port_ready(index, &mut notes).unwrap_or_default() {
                    let trapping =
                        matches!(self.procs.get(pid as usize), Some(Some(p)) if p.trap_exit);
                    if trapping {
                        let mut heap = Heap::default();
                        let message = heap.tuple(&[
                            crate::atom::atoms::EXIT,
                            Term::port(index),
                            crate::atom::atoms::normal,
                        ]);
                        notes.push(Note { pid, heap, message });
                    }
                }
            } else {
                self.io.posix_ready(id, readable, writable, &mut notes);
            }
        }
        self.deliver_notes(notes);
    }

    /// Delivers messages made by the I/O layer.
    pub fn deliver_notes(&mut self, notes: Vec<Note>) {
        for n in notes {
            self.deliver(n.pid, n.message, &n.heap);
        }
    }

    /// What the I/O layer does when process `pid` exits: its files and sockets
    /// close (waiters on its sockets are told `closed`) and its pending operations
    /// are forgotten.
    pub fn io_process_exited(&mut self, pid: u32) {
        self.io.files.retain(|_, f| f.owner != pid);
        self.io.buffers.retain(|_, b| b.0 != pid);
        let mut closed = Vec::new();
        self.io.close_ports_of(pid, &mut closed);
        self.deliver_notes(closed);
        for f in self.io.posix.values_mut() {
            if f.select.is_some_and(|(p, _, _)| p == pid) {
                f.select = None;
            }
        }
        let mut notes = Vec::new();
        let owned: Vec<u64> = self
            .io
            .sockets
            .iter()
            .filter(|(_, s)| s.owner == pid)
            .map(|(id, _)| *id)
            .collect();
        for id in owned {
            if let Some(mut s) = self.io.sockets.remove(&id) {
                s.close(
                    id,
                    self.io.poller.as_ref().map(mio::Poll::registry),
                    &mut notes,
                );
            }
        }
        for s in self.io.sockets.values_mut() {
            s.forget(pid);
        }
        self.deliver_notes(notes);
    }
}
