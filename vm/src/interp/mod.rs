//! The interpreter: runs one process for a slice of reductions.

pub mod bits;
pub(crate) mod bitsyntax;
mod exception;
mod exec;
mod records;

pub use exception::{Exception, Fault};
pub use exec::{fun_arity, run};

use crate::heap::{Heap, Mem};
use crate::process::Process;
use crate::term::Term;
use crate::vm::Vm;

/// How many X registers a process may use.
pub const X_REGS: usize = 1 << 16;

/// How many float registers a process may use.
pub const F_REGS: usize = 256;

/// Reductions a process runs before it yields to others.
pub const SLICE: u32 = 4000;

/// Why [`run`] returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Yield {
    /// Used up its reductions; still runnable.
    Preempted,
    /// Waiting for a message.
    Waiting,
    /// Finished with this exit reason.
    Exited(Term),
    /// Killed by an internal fault.
    Faulted(Fault),
}

/// What a native function sees: the VM and the calling process.
pub struct Context<'a> {
    /// The VM (everything but the running process).
    pub vm: &'a mut Vm,
    /// The running process.
    pub proc: &'a mut Process,
}

impl Context<'_> {
    /// A read view of the process heap and the literals.
    pub fn mem(&self) -> Mem<'_> {
        self.proc.heap.mem(&self.vm.literals)
    }

    /// The process heap, for building terms.
    pub fn heap(&mut self) -> &mut Heap {
        &mut self.proc.heap
    }

    /// The atom with this text (interned if new).
    pub fn atom(&mut self, name: &str) -> Term {
        Term::atom(self.vm.atoms.intern(name))
    }
}
