//! `atomvm [OPTIONS] FILE...`: loads `.beam` files and `.avm` archives and runs
//! `start/0` of the start module: the one an archive flags as its start module,
//! else the first module (in file order) that exports `start/0`.

use atomvm_host::code_path::{self, CodePath};
use atomvm_host::module::Mfa;
use atomvm_host::term::Term;
use atomvm_host::vm::Vm;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: atomvm [--path DIR]... [--otp RELEASE] [--start MODULE] \
[--encoding latin1|unicode] [--app-env FILE] [--device-lib FILE.avm --device-release TAG [--device-natives FILE]] \
FILE.avm|FILE.beam...

  --path DIR        also look for modules (NAME.beam) in DIR
  --otp RELEASE     emulate this OTP release's behaviour (default: the host's)
  --start MODULE    run MODULE:start/0 instead of the archive's start module
  --encoding ENC    standard output encoding (default: unicode for Elixir start
                    modules and, from OTP 26, in a UTF-8 locale; latin1 otherwise,
                    as `elixir` and `erl -noshell` do)
  --app-env FILE    application environment: term_to_binary([{App, [{Key, Value}]}])
  --exit-with-stdin stop (status 130) when standard input closes: the program that
                    started the VM (mix atomvm.run) is gone
  --device-lib FILE run on this AtomVM library archive (atomvmlib) instead of OTP's
                    and Elixir's libraries, as the device does: start/0 is called
                    directly (no OTP boot), a function the library lacks is named
                    on stderr as not in the --device-release TAG, and the run ends
                    as AtomVM's Unix build does (\"Return value: ...\" on stderr,
                    status 0 only when start/0 returned ok)";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("atomvm: {message}");
            ExitCode::from(2)
        }
    }
}

/// What the command line asked for.
#[derive(Default)]
struct Options {
    code_path: CodePath,
    files: usize,
    release: Option<u32>,
    start: Option<String>,
    unicode: Option<bool>,
    app_env: Vec<u8>,
    exit_with_stdin: bool,
    device_lib: Option<PathBuf>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        release: std::env::var("ATOMVM_OTP_RELEASE")
            .ok()
            .and_then(|r| r.parse().ok()),
        ..Options::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--path" | "-p" => o.code_path.add_dir(PathBuf::from(value()?)),
            "--otp" => {
                let v = value()?;
                o.release = Some(
                    v.parse()
                        .map_err(|_| format!("--otp {v}: not a release number"))?,
                );
            }
            "--start" => o.start = Some(value()?),
            "--encoding" => {
                o.unicode = match value()?.as_str() {
                    "unicode" | "utf8" => Some(true),
                    "latin1" => Some(false),
                    other => return Err(format!("--encoding {other}: use latin1 or unicode")),
                }
            }
            "--app-env" => {
                let path = value()?;
                o.app_env = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            }
            "--exit-with-stdin" => o.exit_with_stdin = true,
            "--device-lib" => o.device_lib = Some(PathBuf::from(value()?)),
            "--device-release" => o.code_path.device_release = Some(value()?),
            "--device-natives" => o.code_path.read_device_natives(&PathBuf::from(value()?))?,
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(None);
            }
            file => {
                o.code_path.add_file(&PathBuf::from(file))?;
                o.files += 1;
            }
        }
    }
    Ok(Some(o))
}

fn run() -> Result<ExitCode, String> {
    let Some(mut o) = parse_args()? else {
        return Ok(ExitCode::SUCCESS);
    };
    if o.files == 0 {
        return Err(USAGE.into());
    }
    if o.exit_with_stdin {
        std::thread::spawn(|| {
            let mut sink = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut sink);
            std::process::exit(130);
        });
    }
    let release = o
        .release
        .or_else(|| code_path::otp_root().and_then(|r| atomvm_host::release::of_installation(&r)));
    if let Some(release) = release {
        atomvm_host::release::set(release);
    }
    // --device-release without --device-lib: the device's VM with no library at all,
    // as AtomVM's own test runner loads a test module alone.
    let device = o.device_lib.is_some() || o.code_path.device_release.is_some();
    if device {
        atomvm_host::bif::device_ports::install(&mut o.code_path);
    }
    match &o.device_lib {
        // After the program's own files, which win, as on the device.
        Some(lib) => {
            o.code_path.add_file(lib)?;
            o.code_path
                .device_release
                .get_or_insert_with(|| "(unknown release)".into());
        }
        None if device => {}
        None => {
            for root in [code_path::otp_root(), code_path::elixir_root()]
                .into_iter()
                .flatten()
            {
                o.code_path.add_lib_root(&root);
            }
        }
    }
    let candidates: Vec<String> = match o.start.clone().or_else(|| o.code_path.start.clone()) {
        Some(name) => vec![name],
        None => o.code_path.order.clone(),
    };
    let mut vm = Vm::new(o.code_path);
    let start = vm.atoms.intern("start");
    let mut entry = None;
    for name in &candidates {
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
        if candidates.len() == 1 {
            return Err(format!("the start module {name} does not export start/0"));
        }
    }
    let (addr, module) = entry.ok_or("no module exports start/0")?;
    // As `elixir` sets it, and as `erl -noshell` chooses from the locale since OTP 26.
    let unicode = o.unicode.unwrap_or_else(|| {
        vm.atoms.name(module).starts_with("Elixir.")
            || (atomvm_host::release::get() >= 26 && atomvm_host::locale::ctype_is_utf8())
    });
    let io_server = atomvm_host::io_server::start(&mut vm, unicode);
    // Spawned after the io server (pid 0, every new process's group leader). A device
    // has no OTP to boot: AtomVM calls start/0 directly.
    if !device {
        atomvm_host::boot::start(&mut vm, &o.app_env);
    }
    let empty = atomvm_host::heap::Heap::default();
    // Through the boot module's runner when it loaded (it reports exceptions the way
    // `elixir`/`erl` users read them), else start/0 directly.
    let runner = if device {
        None
    } else {
        atomvm_host::boot::runner(&mut vm)
    };
    let main = match runner {
        Some(runner) => vm.spawn(runner, &[Term::atom(module)], &empty, (module, start, 0)),
        None => vm.spawn(addr, &[], &empty, (module, start, 0)),
    };
    if let Some(Some(p)) = vm.procs.get_mut(main as usize) {
        p.group_leader = io_server.unwrap_or(Term::NIL);
    }
    match vm.run_until(main) {
        // As AtomVM's Unix build ends: the return value on stderr, success only for `ok`.
        Ok(returned) if device => {
            // One write: the line must not be split by the program's output.
            atomvm_host::display::stderr_line(&format!("Return value: {returned}"));
            Ok(if returned == "ok" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(report) => {
            eprint!("{report}");
            Ok(ExitCode::from(1))
        }
    }
}
