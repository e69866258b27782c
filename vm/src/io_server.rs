//! The group leader that `io:format` and friends talk to: the Erlang module
//! `atomvm_host_io` (compiled from `vm/erlang/` at build time and embedded), which
//! answers the standard I/O protocol and writes through a native function.

use crate::heap::Heap;
use crate::module::Mfa;
use crate::term::Term;
use crate::vm::Vm;

/// The embedded io server module.
const IO_SERVER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_io.beam"));

/// Loads and starts the io server, a unicode device when `unicode`; returns its pid.
pub fn start(vm: &mut Vm, unicode: bool) -> Option<Term> {
    vm.code_path.add_bytes("atomvm_host_io", IO_SERVER.to_vec());
    let module = vm.atoms.intern("atomvm_host_io");
    let function = vm.atoms.intern("start");
    let entry = vm.export(Mfa {
        module,
        function,
        arity: 1,
    })?;
    let encoding = Term::atom(vm.atoms.intern(if unicode { "unicode" } else { "latin1" }));
    let pid = vm.spawn(entry, &[encoding], &Heap::default(), (module, function, 1));
    // It is also the `user` io server, as in a plain `erl` node.
    let user = vm.atoms.intern("user");
    vm.registry.insert(user, pid);
    if let Some(Some(p)) = vm.procs.get_mut(pid as usize) {
        p.name = Some(user);
    }
    Some(Term::pid(pid))
}
