//! The group leader that `io:format` and friends talk to, and `standard_error`: the
//! Erlang module `atomvm_host_io` (compiled from `vm/erlang/` at build time and
//! embedded), which answers the standard I/O protocol and writes through a native
//! function.

use crate::heap::Heap;
use crate::term::Term;
use crate::vm::Vm;

/// The embedded io server module.
const IO_SERVER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_io.beam"));

/// Loads and starts the io servers (standard output, registered as `user`, and
/// `standard_error`), unicode devices when `unicode`; returns the first's pid.
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
    // `standard_error`, with the same encoding.
    if let Some(err) = vm.spawn_embedded(module, "start_stderr", &[encoding], &Heap::default()) {
        let name = vm.atoms.intern("standard_error");
        vm.registry.insert(name, err);
        if let Some(Some(p)) = vm.procs.get_mut(err as usize) {
            p.name = Some(name);
            p.group_leader = Term::pid(pid);
        }
    }
    Some(Term::pid(pid))
}
