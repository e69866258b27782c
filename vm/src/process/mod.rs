//! A process: its heap, its stack, its mailbox and what it is linked to.

use crate::heap::Heap;
use crate::term::{Area, CodeAddr, Term};
use std::collections::BTreeSet;

/// Where a process stands with the scheduler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Ready to run.
    Runnable,
    /// In a `receive`, waiting for a message (or the timer with this id).
    Waiting {
        /// The receive timeout's timer id, if any.
        timer: Option<u64>,
    },
    /// Finished.
    Exited,
}

/// A monitor this process holds on another, or another holds on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Monitor {
    /// The monitor's reference id.
    pub reference: u64,
    /// The other process.
    pub pid: u32,
    /// The registered name the monitor was set up through (its 'DOWN' message
    /// then names `{Name, Node}` instead of the pid).
    pub name: Option<u32>,
    /// Set up as `monitor(port, Pid)` on one of AtomVM's drivers, which are processes
    /// in device mode: its 'DOWN' message says `port`, as AtomVM's does.
    pub port: bool,
}

/// A process.
#[derive(Debug)]
pub struct Process {
    /// Its index (pids are indexes and never reused).
    pub pid: u32,
    /// Heap.
    pub heap: Heap,
    /// Stack, growing down: live words are `stack[e..]`.
    pub stack: Vec<Term>,
    /// Frame pointer: `stack[e]` is the current frame's saved return address.
    pub e: usize,
    /// The continuation pointer register.
    pub cp: Term,
    /// Where to resume.
    pub resume: CodeAddr,
    /// X registers saved while not running.
    pub saved_x: Vec<Term>,
    /// Messages, oldest first.
    pub mailbox: Vec<Term>,
    /// Position of the next message `receive` looks at.
    pub recv_pos: usize,
    /// The process dictionary, as alternating keys and values.
    pub dict: Vec<Term>,
    /// The receive timeout's timer, while one is running.
    pub recv_timer: Option<u64>,
    /// Whether exit signals arrive as messages.
    pub trap_exit: bool,
    /// One of AtomVM's drivers in device mode (`open_port/2` started it): `is_port/1`
    /// is true of its pid, as in AtomVM, where a port is a process.
    pub driver: bool,
    /// Linked processes.
    pub links: BTreeSet<u32>,
    /// Monitors this process holds.
    pub monitors: Vec<Monitor>,
    /// Monitors held on this process.
    pub monitored_by: Vec<Monitor>,
    /// Scheduling state.
    pub status: Status,
    /// Set when a receive timeout fired.
    pub timed_out: bool,
    /// Ended by an uncaught `error` or `throw` (the emulator logs those).
    pub error_exit: bool,
    /// In `erlang:hibernate/3` until the next message arrives.
    pub hibernated: bool,
    /// Registered name.
    pub name: Option<u32>,
    /// Group leader pid.
    pub group_leader: Term,
    /// Exit reason once exited.
    pub exit_reason: Term,
    /// The function it was spawned with, for crash reports.
    pub initial_call: (u32, u32, u8),
    /// The binary being built by `bs_init`/`bs_append` and `bs_put_*` (a GC root).
    pub bs_target: [Term; 1],
    /// The bit position the next `bs_put_*` writes at.
    pub bs_pos: usize,
}

impl Process {
    /// A new process that will start at `resume` with `args` in its X registers.
    pub fn new(
        pid: u32,
        resume: CodeAddr,
        args: Vec<Term>,
        heap: Heap,
        initial_call: (u32, u32, u8),
    ) -> Self {
        Process {
            pid,
            heap,
            stack: Vec::new(),
            e: 0,
            cp: Term::cp(CodeAddr::EXIT),
            resume,
            saved_x: args,
            mailbox: Vec::new(),
            recv_pos: 0,
            dict: Vec::new(),
            recv_timer: None,
            trap_exit: false,
            driver: false,
            links: BTreeSet::new(),
            monitors: Vec::new(),
            monitored_by: Vec::new(),
            status: Status::Runnable,
            timed_out: false,
            error_exit: false,
            hibernated: false,
            name: None,
            group_leader: Term::NIL,
            exit_reason: Term::NONE,
            initial_call,
            bs_target: [Term::NIL],
            bs_pos: 0,
        }
    }

    /// An empty heap for a new process.
    pub fn empty_heap() -> Heap {
        Heap::new(Area::Heap)
    }

    /// Y register `i` of the current frame.
    #[inline(always)]
    pub fn y(&self, i: u16) -> Term {
        self.stack
            .get(self.e + 1 + usize::from(i))
            .copied()
            .unwrap_or(Term::NONE)
    }

    /// Sets Y register `i` of the current frame (ignored when out of the frame).
    #[inline(always)]
    pub fn set_y(&mut self, i: u16, value: Term) {
        if let Some(slot) = self.stack.get_mut(self.e + 1 + usize::from(i)) {
            *slot = value;
        }
    }

    /// Pushes a frame of `n` slots (cleared to `[]`) saving the CP register.
    pub fn allocate(&mut self, n: usize) {
        let need = n + 1;
        if self.e < need {
            let used = self.stack.len() - self.e;
            let capacity = (self.stack.len() * 2).max(used + need + 8);
            let mut grown = vec![Term::NIL; capacity];
            let start = capacity - used;
            grown[start..].copy_from_slice(&self.stack[self.e..]);
            self.stack = grown;
            self.e = start;
        }
        self.e -= need;
        self.stack[self.e] = self.cp;
        for slot in &mut self.stack[self.e + 1..self.e + need] {
            *slot = Term::NIL;
        }
    }

    /// Pops the current frame of `n` slots, restoring the CP register.
    pub fn deallocate(&mut self, n: usize) {
        self.cp = self.stack.get(self.e).copied().unwrap_or(Term::NONE);
        self.e = (self.e + n + 1).min(self.stack.len());
    }

    /// Collects the heap now, keeping what `xs` (the live X registers), the stack from
    /// the current frame, the mailbox, the dictionary, the continuation, saved registers
    /// and the binary being built refer to; `need` more words then fit.
    pub fn collect(&mut self, xs: &mut [Term], need: usize) {
        let e = self.e.min(self.stack.len());
        let stack = &mut self.stack[e..];
        let mut cp = [self.cp];
        crate::heap::gc::collect(
            &mut self.heap,
            &mut [
                xs,
                stack,
                &mut self.mailbox,
                &mut self.dict,
                &mut cp,
                &mut self.saved_x,
                // The binary `bs_put_*` writes into: it must move with its copy in the
                // registers.
                &mut self.bs_target,
            ],
            need,
        );
        self.cp = cp[0];
    }

    /// Total memory held, in bytes (heap, stack, mailbox pointers).
    pub fn memory(&self) -> usize {
        std::mem::size_of::<Process>()
            + self.heap.words.capacity() * 8
            + self.stack.capacity() * 8
            + self.mailbox.capacity() * 8
    }
}
