//! `atomvm [--path DIR]... FILE...`: loads `.beam` files and `.avm` archives and runs
//! `start/0` of the first module (in file order) that exports it.

use atomvm_host::code_path::{self, CodePath};
use atomvm_host::module::Mfa;
use atomvm_host::term::Term;
use atomvm_host::vm::Vm;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: atomvm [--path DIR]... [--otp RELEASE] FILE.avm|FILE.beam...";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("atomvm: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut code_path = CodePath::default();
    let mut args = std::env::args().skip(1);
    let mut files = 0;
    let mut release_set = false;
    if let Some(r) = std::env::var("ATOMVM_OTP_RELEASE")
        .ok()
        .and_then(|r| r.parse().ok())
    {
        atomvm_host::release::set(r);
        release_set = true;
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--path" | "-p" => {
                let dir = args.next().ok_or(USAGE)?;
                code_path.add_dir(PathBuf::from(dir));
            }
            "--otp" => {
                let release = args.next().and_then(|r| r.parse().ok()).ok_or(USAGE)?;
                atomvm_host::release::set(release);
                release_set = true;
            }
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            file => {
                code_path.add_file(&PathBuf::from(file))?;
                files += 1;
            }
        }
    }
    if files == 0 {
        return Err(USAGE.into());
    }
    let host_release =
        code_path::otp_root().and_then(|r| atomvm_host::release::of_installation(&r));
    if let (false, Some(release)) = (release_set, host_release) {
        atomvm_host::release::set(release);
    }
    for root in [code_path::otp_root(), code_path::elixir_root()]
        .into_iter()
        .flatten()
    {
        code_path.add_lib_root(&root);
    }
    let order = code_path.order.clone();
    let mut vm = Vm::new(code_path);
    let start = vm.atoms.intern("start");
    let mut entry = None;
    for name in &order {
        let module = vm.atoms.intern(name);
        let mfa = Mfa {
            module,
            function: start,
            arity: 0,
        };
        if let Some(addr) = vm.export(mfa) {
            entry = Some((addr, module));
            break;
        }
        if let Some(e) = vm.load_errors.get(&module) {
            return Err(format!("cannot load {name}: {e}"));
        }
    }
    let (addr, module) = entry.ok_or("no module exports start/0")?;
    let io_server = atomvm_host::io_server::start(&mut vm);
    let empty = atomvm_host::heap::Heap::default();
    let main = vm.spawn(addr, &[], &empty, (module, start, 0));
    if let Some(Some(p)) = vm.procs.get_mut(main as usize) {
        p.group_leader = io_server.unwrap_or(Term::NIL);
    }
    match vm.run_until(main) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(report) => {
            eprint!("{report}");
            Ok(ExitCode::from(1))
        }
    }
}
