//! Sockets: OTP's `prim_socket` NIF contract on host sockets (`socket2`), watched by
//! the VM's poller. `{'$socket', Ref}` names a socket; `Ref` is a reference whose id
//! keys [`crate::io::Io::sockets`].

pub mod addr;
pub mod nif;
pub mod options;
mod supports;

use crate::atom::atoms;
use crate::heap::Heap;
use crate::io::Note;
use crate::term::Term;

/// What a waiting process waits to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `accept`.
    Accept,
    /// `recv`, `recvfrom`, `recvmsg`.
    Recv,
    /// `connect`.
    Connect,
    /// `send`, `sendto`, `sendmsg`, `sendv`.
    Send,
}

impl Op {
    fn reads(self) -> bool {
        matches!(self, Op::Accept | Op::Recv)
    }

    /// The operation atom `socket:cancel/3` passes.
    pub fn from_name(name: &str) -> Option<Op> {
        Some(match name {
            "accept" => Op::Accept,
            "recv" | "recvfrom" | "recvmsg" => Op::Recv,
            "connect" => Op::Connect,
            "send" | "sendto" | "sendmsg" | "sendv" | "sendfile" => Op::Send,
            _ => return None,
        })
    }
}

/// A process waiting for a socket to become ready.
#[derive(Debug, Clone, Copy)]
pub struct Waiter {
    /// Who waits.
    pub pid: u32,
    /// The id of its select handle (a reference).
    pub handle: u64,
    /// For what.
    pub op: Op,
}

/// One open socket.
pub struct Socket {
    /// The host socket.
    pub sock: socket2::Socket,
    /// `inet`, `inet6` or `local`.
    pub domain: &'static str,
    /// `stream`, `dgram`, `seqpacket` or `raw`.
    pub kind: &'static str,
    /// The protocol number (0: the default).
    pub protocol: i32,
    /// The controlling process: its exit closes the socket.
    pub owner: u32,
    /// Processes waiting to read or accept.
    pub readers: Vec<Waiter>,
    /// Processes waiting to write or finish connecting.
    pub writers: Vec<Waiter>,
    /// `{otp, meta}`: any term, kept in its own heap.
    pub meta: (Heap, Term),
    /// `{otp, rcvbuf}`: how much a `recv` of length 0 reads.
    pub rcvbuf: usize,
    /// `{otp, iow}` and `{otp, debug}`.
    pub flags: OtpFlags,
    /// Whether `listen/2` succeeded.
    pub listening: bool,
}

/// The boolean `otp` options.
#[derive(Debug, Default, Clone, Copy)]
pub struct OtpFlags {
    /// `{otp, iow}`.
    pub iow: bool,
    /// `{otp, debug}`.
    pub debug: bool,
    /// `{otp, use_registry}`.
    pub use_registry: bool,
}

/// OTP's default receive buffer (`ESOCK_RECV_BUFFER_SIZE_DEFAULT`).
pub const DEFAULT_RCVBUF: usize = 8192;

impl Socket {
    /// A socket owned by `owner`, not yet watched.
    pub fn new(
        sock: socket2::Socket,
        (domain, kind, protocol): (&'static str, &'static str, i32),
        owner: u32,
    ) -> Self {
        Socket {
            sock,
            domain,
            kind,
            protocol,
            owner,
            readers: Vec::new(),
            writers: Vec::new(),
            meta: (Heap::default(), crate::atom::atoms::undefined),
            rcvbuf: DEFAULT_RCVBUF,
            flags: OtpFlags::default(),
            listening: false,
        }
    }

    /// Whether any process waits on it.
    pub fn waiting(&self) -> bool {
        !self.readers.is_empty() || !self.writers.is_empty()
    }

    /// Remembers that `pid` waits to do `op`, with select handle `handle` (a later
    /// wait of the same process for the same direction replaces it).
    pub fn wait(&mut self, waiter: Waiter) {
        let list = if waiter.op.reads() {
            &mut self.readers
        } else {
            &mut self.writers
        };
        list.retain(|w| w.pid != waiter.pid || w.op != waiter.op);
        list.push(waiter);
    }

    /// Stops watching for `handle`; whether it was waiting.
    pub fn cancel(&mut self, handle: u64) -> bool {
        let before = self.readers.len() + self.writers.len();
        self.readers.retain(|w| w.handle != handle);
        self.writers.retain(|w| w.handle != handle);
        before != self.readers.len() + self.writers.len()
    }

    /// Forgets what `pid` waited for; whether anything changed.
    pub fn forget(&mut self, pid: u32) -> bool {
        let before = self.readers.len() + self.writers.len();
        self.readers.retain(|w| w.pid != pid);
        self.writers.retain(|w| w.pid != pid);
        before != self.readers.len() + self.writers.len()
    }

    /// The descriptor became ready: its waiters get their select messages.
    pub fn ready(&mut self, id: u64, readable: bool, writable: bool, notes: &mut Vec<Note>) {
        let mut woken = Vec::new();
        if readable {
            woken.append(&mut self.readers);
        }
        if writable {
            woken.append(&mut self.writers);
        }
        for w in woken {
            notes.push(message(id, w.pid, |heap| {
                let handle = heap.reference(w.handle);
                (atoms::select, handle)
            }));
        }
    }

    /// Closes it: every waiter gets `{'$socket', Socket, abort, {Handle, closed}}`.
    pub fn close(&mut self, id: u64, registry: Option<&mio::Registry>, notes: &mut Vec<Note>) {
        let mut woken = std::mem::take(&mut self.readers);
        woken.append(&mut self.writers);
        for w in woken {
            notes.push(message(id, w.pid, |heap| {
                let handle = heap.reference(w.handle);
                (atoms::abort, heap.tuple(&[handle, atoms::closed]))
            }));
        }
        if let Some(registry) = registry {
            use std::os::fd::AsRawFd;
            let fd = self.sock.as_raw_fd();
            let _ = registry.deregister(&mut mio::unix::SourceFd(&fd));
        }
    }
}

/// `{'$socket', {'$socket', Ref}, Tag, Info}` for `pid`; `build` makes Tag and Info.
fn message(id: u64, pid: u32, build: impl FnOnce(&mut Heap) -> (Term, Term)) -> Note {
    let mut heap = Heap::default();
    let tag = atoms::socket_tag;
    let r = heap.reference(id);
    let socket = heap.tuple(&[tag, r]);
    let (what, info) = build(&mut heap);
    let message = heap.tuple(&[tag, socket, what, info]);
    Note { pid, heap, message }
}
