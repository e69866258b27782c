//! The group leader that `io:format` and friends talk to: the Erlang module
//! `atomvm_host_io` (compiled from `vm/erlang/` at build time and embedded), which
//! answers the standard I/O protocol and writes through a native function.

use crate::heap::Heap;
use crate::term::Term;
use crate::vm::Vm;

/// The embedded io server module.
const IO_SERVER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_io.beam"));

/// Loads and starts the io server, a unicode device when `unicode`; returns its pid.
pub fn start(vm: &mut Vm, unicode: bool) -> Option<Term> {
    let encoding = Term::atom(vm.atoms.intern(if unicode { "unicode" } else { "latin1" }));
    let module = ("atomvm_host_io", IO_SERVER);
    let pid = vm.spawn_embedded(module, "start", &[encoding], &Heap::default())?;
    // It is also the `user` io server, as in a plain `erl` node.
    let user = vm.atoms.intern("user");
    vm.registry.insert(user, pid);
    if let Some(Some(p)) = vm.procs.get_mut(pid as usize) {
        p.name = Some(user);
    }
    Some(Term::pid(pid))
}
