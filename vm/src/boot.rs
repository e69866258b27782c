//! The boot process (`atomvm_host_boot`, compiled from `vm/erlang/` and embedded): it
//! plays `init` and starts OTP's application controller and logger server before the
//! program's start module runs. See the module's own comment for what it does. The
//! boot loader (`atomvm_host_prim_loader`, registered as `erl_prim_loader`) and the code
//! server (`atomvm_host_code`, registered as `code_server`) start before it.

use crate::heap::Heap;
use crate::module::Mfa;
use crate::vm::Vm;

/// The embedded boot module.
const BOOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_boot.beam"));
/// The embedded code server (`atomvm_host_code`, registered as `code_server`).
const CODE_SERVER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_code.beam"));
/// The embedded boot loader process (`atomvm_host_prim_loader`, registered as
/// `erl_prim_loader`).
const PRIM_LOADER: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_prim_loader.beam"));

/// The entry of the program's first process: `atomvm_host_boot:run(Module)`, which
/// calls `Module:start()` and reports an exception (see the boot module).
pub fn runner(vm: &mut Vm) -> Option<crate::term::CodeAddr> {
    let module = vm.atoms.intern("atomvm_host_boot");
    let function = vm.atoms.intern("run");
    vm.export(Mfa {
        module,
        function,
        arity: 1,
    })
}

/// Spawns the boot process with the application environment `app_env`
/// (`term_to_binary([{App, [{Key, Value}]}])`, or empty), runs until it has set
/// everything up, and returns its pid; `None` if the boot module cannot load.
pub fn start(vm: &mut Vm, app_env: &[u8]) -> Option<u32> {
    // The boot loader and the code server first: what the boot starts (and the
    // program) may ask them.
    vm.spawn_embedded(
        ("atomvm_host_prim_loader", PRIM_LOADER),
        "start",
        &[],
        &Heap::default(),
    )?;
    vm.spawn_embedded(
        ("atomvm_host_code", CODE_SERVER),
        "start",
        &[],
        &Heap::default(),
    )?;
    let mut heap = Heap::default();
    let env = heap.binary(app_env);
    let pid = vm.spawn_embedded(("atomvm_host_boot", BOOT), "start", &[env], &heap)?;
    vm.run_until_idle();
    Some(pid)
}
