//! The run loop. Each instruction yields a [`Flow`] that says where to go next, so the
//! borrow of the current module's code ends before the loop moves to another module.

use super::{Context, Exception, Fault, Yield};
use crate::atom::atoms;
use crate::bif;
use crate::compare::compare;
use crate::module::{
    Compare, Dst, FDst, FOp, FSrc, Instr, Label, Mfa, Module, Src, TypeTest, NO_LABEL,
};
use crate::process::{Process, Status};
use crate::term::{CodeAddr, HeaderKind, Term};
use crate::vm::{TimerAction, Vm};
use std::cmp::Ordering;
use std::rc::Rc;

/// What to do after an instruction.
pub(super) enum Flow {
    Next,
    Jump(Label),
    Goto(CodeAddr),
    Raise(Exception),
    Stop(Yield),
}

#[inline(always)]
pub(super) fn get(proc: &Process, x: &[Term], src: Src) -> Term {
    match src {
        Src::X(n) => x[usize::from(n)],
        Src::Y(n) => proc.y(n),
        Src::Term(t) => t,
    }
}

#[inline(always)]
pub(super) fn put(proc: &mut Process, x: &mut [Term], dst: Dst, value: Term) {
    match dst {
        Dst::X(n) => x[usize::from(n)] = value,
        Dst::Y(n) => proc.set_y(n, value),
    }
}

/// Collects garbage if `need` words do not fit, keeping `live` X registers.
fn ensure_heap(proc: &mut Process, x: &mut [Term], need: usize, live: usize) {
    if proc.heap.has_room(need) {
        return;
    }
    let live = live.min(x.len());
    let (xs, _) = x.split_at_mut(live);
    proc.collect(xs, need);
}

/// Runs `proc` for up to `budget` reductions.
pub fn run(vm: &mut Vm, proc: &mut Process, x: &mut [Term], budget: u32) -> Yield {
    for (i, t) in proc.saved_x.drain(..).enumerate() {
        if let Some(slot) = x.get_mut(i) {
            *slot = t;
        }
    }
    let Some(mut module) = vm.modules.get(proc.resume.module as usize).cloned() else {
        return Yield::Faulted(Fault("resume point in an unknown module".into()));
    };
    let mut ip = proc.resume.ip;
    let mut reductions = budget;
    let mut fregs = [0.0f64; super::F_REGS];
    proc.status = Status::Runnable;
    loop {
        let flow = match module.code.get(ip as usize) {
            Some(instr) => {
                if vm.trace {
                    eprintln!(
                        "<0.{}.0> {}:{ip} {instr:?}",
                        proc.pid,
                        vm.atoms.name(module.name)
                    );
                }
                step(vm, proc, x, &mut fregs, &module, ip, instr, &mut reductions)
            }
            None => Flow::Stop(Yield::Faulted(Fault(format!(
                "jumped past the end of the code of {}",
                vm.atoms.name(module.name)
            )))),
        };
        match flow {
            Flow::Next => ip += 1,
            Flow::Jump(target) => ip = target,
            Flow::Goto(addr) => {
                if addr.module != module.index {
                    match vm.modules.get(addr.module as usize) {
                        Some(m) => module = Rc::clone(m),
                        None => return Yield::Faulted(Fault("call into an unknown module".into())),
                    }
                }
                ip = addr.ip;
            }
            Flow::Raise(exc) => {
                let exc = with_trace(vm, proc, &module, ip, exc);
                if vm.trace_exceptions {
                    let mut text = Vec::new();
                    // Class, reason and the innermost frames (a BIF's own frame first).
                    let frames = {
                        let list = trace_list(proc, exc.trace);
                        let mem = proc.heap.mem(&vm.literals);
                        let mut top = mem.list_elements(list).unwrap_or_default();
                        top.truncate(2);
                        top
                    };
                    let frames = proc.heap.list(&frames);
                    let pair = proc.heap.tuple(&[exc.class, exc.reason, frames]);
                    crate::display::display(
                        &proc.heap.mem(&vm.literals),
                        &vm.atoms,
                        pair,
                        &mut text,
                    );
                    eprintln!(
                        "<0.{}.0> raised {} in {}",
                        proc.pid,
                        String::from_utf8_lossy(&text),
                        vm.atoms.name(module.name)
                    );
                }
                match find_catch(proc) {
                    Some(handler) => {
                        x[0] = Term::NONE;
                        x[1] = exc.class;
                        x[2] = exc.reason;
                        x[3] = exc.trace;
                        if handler.module != module.index {
                            match vm.modules.get(handler.module as usize) {
                                Some(m) => module = Rc::clone(m),
                                None => {
                                    return Yield::Faulted(Fault(
                                        "catch in an unknown module".into(),
                                    ))
                                }
                            }
                        }
                        ip = handler.ip;
                    }
                    None => return Yield::Exited(exit_reason(proc, exc)),
                }
            }
            Flow::Stop(y) => {
                if let Yield::Preempted | Yield::Waiting = y {
                    // `step` saved the resume point and registers.
                }
                return y;
            }
        }
    }
}

/// The exit reason of an uncaught exception.
fn exit_reason(proc: &mut Process, exc: Exception) -> Term {
    let stack = trace_list(proc, exc.trace);
    proc.error_exit = exc.class != atoms::exit;
    if exc.class == atoms::exit {
        exc.reason
    } else if exc.class == atoms::throw {
        let nocatch = proc.heap.tuple(&[atoms::nocatch, exc.reason]);
        proc.heap.tuple(&[nocatch, stack])
    } else {
        proc.heap.tuple(&[exc.reason, stack])
    }
}

/// The cooked stack trace inside a raw trace `{'$raw_trace', Class, List}`.
fn trace_list(proc: &Process, raw: Term) -> Term {
    let lits = crate::heap::Heap::default();
    let mem = proc.heap.mem(&lits);
    match mem.tuple(raw) {
        Some([tag, _, list]) if *tag == atoms::raw_trace => *list,
        _ => Term::NIL,
    }
}

/// Finds the innermost catch: unwinds the stack to its frame and returns its handler.
fn find_catch(proc: &mut Process) -> Option<CodeAddr> {
    let mut frame = proc.e;
    for i in proc.e..proc.stack.len() {
        let word = proc.stack[i];
        if word.as_cp().is_some() {
            frame = i;
        } else if let Some(handler) = word.as_catch() {
            proc.e = frame;
            proc.cp = proc.stack.get(frame).copied().unwrap_or(Term::NONE);
            return Some(handler);
        }
    }
    None
}

/// Attaches a raw stack trace `{'$raw_trace', Class, Frames}` to `exc` if it has none.
fn with_trace(
    vm: &mut Vm,
    proc: &mut Process,
    module: &Module,
    ip: Label,
    mut exc: Exception,
) -> Exception {
    if exc.trace != Term::NONE {
        return exc;
    }
    let mut frames = Vec::new();
    if exc.bif_frame != Term::NONE {
        frames.push(exc.bif_frame);
    }
    if !exc.skip_current {
        let here = frame_term(vm, proc, module, ip, exc.args, exc.error_info);
        frames.extend(here);
    }
    // Stack frames kept in a stack trace (`system_flag(backtrace_depth, N)`).
    let depth = vm.flags.backtrace_depth;
    let mut cps: Vec<CodeAddr> = Vec::new();
    if let Some(cp) = proc.cp.as_cp().filter(|cp| *cp != CodeAddr::EXIT) {
        cps.push(cp);
    }
    for word in &proc.stack[proc.e.min(proc.stack.len())..] {
        if cps.len() >= depth {
            break;
        }
        if let Some(cp) = word.as_cp().filter(|cp| *cp != CodeAddr::EXIT) {
            if cps.last() != Some(&cp) {
                cps.push(cp);
            }
        }
    }
    for cp in cps {
        if frames.len() >= depth {
            break;
        }
        if let Some(m) = vm.modules.get(cp.module as usize).cloned() {
            frames.extend(frame_term(
                vm,
                proc,
                &m,
                cp.ip.saturating_sub(1),
                Term::NONE,
                Term::NONE,
            ));
        }
    }
    let list = proc.heap.list(&frames);
    exc.trace = proc.heap.tuple(&[atoms::raw_trace, exc.class, list]);
    exc
}

/// `{M, F, ArityOrArgs, Location}` for instruction `ip` of `module`.
fn frame_term(
    vm: &mut Vm,
    proc: &mut Process,
    module: &Module,
    ip: Label,
    args: Term,
    error_info: Term,
) -> Option<Term> {
    let function = module.function_at(ip)?;
    let arity = if args != Term::NONE {
        args
    } else {
        Term::small(i64::from(function.arity))?
    };
    let mut location = Vec::new();
    if let Some(file) = module.file_at(ip) {
        let chars: Vec<Term> = file
            .chars()
            .filter_map(|c| Term::small(i64::from(u32::from(c))))
            .collect();
        let text = proc.heap.list(&chars);
        location.push(proc.heap.tuple(&[atoms::file, text]));
    }
    if let Some(line) = module.line_at(ip) {
        let line = Term::small(i64::from(line))?;
        location.push(proc.heap.tuple(&[atoms::line, line]));
    }
    if error_info != Term::NONE {
        location.push(error_info);
    }
    let location = proc.heap.list(&location);
    let _ = vm;
    Some(proc.heap.tuple(&[
        Term::atom(module.name),
        Term::atom(function.name),
        arity,
        location,
    ]))
}

/// Saves the registers and resume point when a process is preempted at a call.
fn preempt(proc: &mut Process, x: &[Term], arity: u8, resume: CodeAddr) -> Flow {
    proc.saved_x = x[..usize::from(arity)].to_vec();
    proc.resume = resume;
    Flow::Stop(Yield::Preempted)
}

/// Where a call to an external function goes.
enum Target {
    Code(CodeAddr),
    Native(crate::module::NativeFn),
    Apply,
    Hibernate,
    /// `erlang:hibernate/0` (OTP 28): wait for a message without leaving the caller.
    HibernateInPlace,
    Undef,
    Missing,
}

fn resolve(vm: &mut Vm, mfa: Mfa) -> Target {
    if mfa.module == atoms::erlang.as_atom().unwrap_or(0)
        && mfa.function == atoms::apply.as_atom().unwrap_or(0)
        && (mfa.arity == 2 || mfa.arity == 3)
    {
        return Target::Apply;
    }
    if mfa.module == atoms::erlang.as_atom().unwrap_or(0)
        && (mfa.arity == 3 || mfa.arity == 0)
        && vm.atoms.name(mfa.function) == "hibernate"
    {
        return if mfa.arity == 3 {
            Target::Hibernate
        } else {
            Target::HibernateInPlace
        };
    }
    let (m, f) = (
        vm.atoms.name(mfa.module).to_owned(),
        vm.atoms.name(mfa.function).to_owned(),
    );
    // In device mode AtomVM's own version of a native comes first (its `open_port/2`
    // starts AtomVM's drivers, its `maps:next/1` takes AtomVM's iterators).
    if vm.code_path.device_natives.is_some() && vm.code_path.device_native(&m, &f, mfa.arity) {
        if let Some(native) = bif::device::lookup(&m, &f, mfa.arity) {
            return Target::Native(native);
        }
    }
    if let Some(native) = bif::lookup(&m, &f, mfa.arity) {
        // In device mode only what AtomVM implements natively; the rest is the
        // library's code (AtomVM's `maps:to_list/1` takes its own iterators).
        if vm.code_path.device_native(&m, &f, mfa.arity) {
            return Target::Native(native);
        }
    }
    // A function AtomVM implements natively and this VM does not: the library's
    // module has only a stub for it (erlang:nif_error); say what is missing instead.
    if vm.code_path.device_natives.is_some() && vm.code_path.device_native(&m, &f, mfa.arity) {
        return Target::Undef;
    }
    if m == "erlang" && vm.code_path.device_release.is_none() {
        // OTP's erlang.beam is mostly stubs for BIFs: one it exports without a native
        // here is a VM gap; one it does not export is simply undefined.
        return match vm.export(mfa) {
            Some(_) => Target::Missing,
            None => Target::Undef,
        };
    }
    match vm.export(mfa) {
        Some(addr) => Target::Code(addr),
        None => Target::Undef,
    }
}

/// How a call ends: `Call` saves the return address, `Tail` does not (the frame was
/// already dropped for `*_last`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Call,
    Tail,
}

#[allow(clippy::too_many_arguments)]
fn call_mfa(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    here: CodeAddr,
    mfa: Mfa,
    kind: Kind,
    reductions: &mut u32,
) -> Flow {
    match resolve(vm, mfa) {
        Target::Code(addr) => enter(proc, x, here, addr, mfa.arity, kind, reductions),
        Target::Native(native) => {
            let args: Vec<Term> = x[..usize::from(mfa.arity)].to_vec();
            let result = native(&mut Context { vm, proc }, &args);
            if !vm.to_current.is_empty() {
                vm.drain_to_current(proc);
            }
            match result {
                Ok(value) => {
                    x[0] = value;
                    if proc.status == Status::Exited {
                        return Flow::Stop(Yield::Exited(value));
                    }
                    finish(proc, kind)
                }
                Err(e) => {
                    let e = Exception {
                        args: arg_list(proc, &args, e),
                        ..e
                    };
                    Flow::Raise(with_bif_frame(vm, proc, mfa, &args, e))
                }
            }
        }
        Target::Apply => {
            // Read the module and function (or the fun) before the arguments move into
            // x(0..).
            let (m, f, list) = if mfa.arity == 3 {
                (x[0], x[1], x[2])
            } else {
                (x[0], Term::NONE, x[1])
            };
            let Some(arity) = spread(vm, proc, x, list) else {
                return Flow::Raise(Exception::badarg());
            };
            if mfa.arity == 3 {
                apply_mf(vm, proc, x, here, m, f, arity, kind, reductions)
            } else {
                call_fun(vm, proc, x, here, m, arity, kind, reductions)
            }
        }
        Target::Hibernate => {
            // The call stack (and its catches) is discarded; M:F(A) then runs as
            // the process's only function. Heap compaction is the collector's job,
            // so nothing else needs doing: the process waits in M:F's receive.
            let (m, f, list) = (x[0], x[1], x[2]);
            let Some(arity) = spread(vm, proc, x, list) else {
                return Flow::Raise(Exception::badarg());
            };
            proc.stack.clear();
            proc.e = 0;
            proc.cp = Term::cp(CodeAddr::EXIT);
            proc.hibernated = proc.recv_pos >= proc.mailbox.len();
            apply_mf(vm, proc, x, here, m, f, arity, Kind::Tail, reductions)
        }
        Target::HibernateInPlace => {
            if proc.mailbox.is_empty() && kind == Kind::Call {
                // Sleep on this very call: a message wakes the process, the call runs
                // again and returns (`process_info` shows the caller meanwhile). A tail
                // call (its frame already gone) returns at once instead.
                proc.resume = here;
                proc.status = Status::Waiting { timer: None };
                return Flow::Stop(Yield::Waiting);
            }
            x[0] = atoms::ok;
            finish(proc, kind)
        }
        Target::Missing => Flow::Stop(Yield::Faulted(Fault(format!(
            "BIF erlang:{}/{} is not implemented",
            vm.atoms.name(mfa.function),
            mfa.arity
        )))),
        Target::Undef => {
            let module = vm.atoms.name(mfa.module);
            if let Some(release) = &vm.code_path.device_release {
                // As on the board: the device's library has no such function.
                if vm.device_notes.insert(mfa) {
                    let function = vm.atoms.name(mfa.function);
                    let name = match module.strip_prefix("Elixir.") {
                        Some(elixir) => format!("{elixir}.{function}/{}", mfa.arity),
                        None => format!("{module}:{function}/{}", mfa.arity),
                    };
                    let native = vm.code_path.device_natives.is_some()
                        && vm.code_path.device_native(module, function, mfa.arity);
                    crate::display::stderr_line(&if native {
                        format!(
                            "atomvm: {name} is native in AtomVM {release}, but not in this VM yet"
                        )
                    } else {
                        format!("atomvm: {name} is not in AtomVM {release}")
                    });
                }
            } else if crate::peripherals::is_peripheral(module)
                && vm.peripheral_notes.insert(mfa.module)
            {
                eprintln!("{}", crate::peripherals::note(module));
            }
            let args = proc.heap.list(&x[..usize::from(mfa.arity)]);
            let mut e = Exception::error(atoms::undef);
            // `{M, F, Args, []}` on top of the caller's frames (the calling function's
            // own only when the call was not its last).
            e.bif_frame = proc.heap.tuple(&[
                Term::atom(mfa.module),
                Term::atom(mfa.function),
                args,
                Term::NIL,
            ]);
            e.skip_current = matches!(kind, Kind::Tail);
            Flow::Raise(e)
        }
    }
}

fn arg_list(proc: &mut Process, args: &[Term], e: Exception) -> Term {
    // Arguments the native chose (`erlang:error/2,3`) stay.
    if e.args != Term::NONE {
        return e.args;
    }
    // A native's own arguments describe the failing frame only for function_clause;
    // an undef from a NIF stub belongs to the Erlang function that called it.
    if e.reason == atoms::function_clause {
        proc.heap.list(args)
    } else {
        Term::NONE
    }
}

/// Gives an `error` raised by BIF `mfa` the BIF's own frame on top of its stack
/// trace, `{M, F, Args, [{error_info, #{module => Formatter}}]}`: Elixir's and OTP's
/// error messages ("errors were found at the given arguments", a `KeyError`'s map)
/// are built from it. The BIFs that raise on purpose (`error/1`, `exit/1`, ...) get
/// none, as in the BEAM.
fn with_bif_frame(
    vm: &mut Vm,
    proc: &mut Process,
    mfa: Mfa,
    args: &[Term],
    e: Exception,
) -> Exception {
    if e.class != atoms::error || e.trace != Term::NONE || e.reason == atoms::undef {
        return e;
    }
    let module = vm.atoms.name(mfa.module);
    let function = vm.atoms.name(mfa.function);
    if module == "erlang"
        && matches!(
            function,
            "error" | "exit" | "throw" | "raise" | "nif_error" | "halt"
        )
    {
        return e;
    }
    let formatter = match module {
        "erlang" | "erts_internal" | "persistent_term" | "atomics" | "counters" => {
            Some("erl_erts_errors")
        }
        "lists" | "maps" | "binary" | "unicode" | "string" | "ets" | "math" | "io" | "re" => {
            Some("erl_stdlib_errors")
        }
        "os" | "code" => Some("erl_kernel_errors"),
        _ => None,
    };
    let location = match formatter {
        Some(name) => {
            let key = Term::atom(vm.atoms.intern("module"));
            let value = Term::atom(vm.atoms.intern(name));
            let info = match e.cause {
                // Atoms order by name: `cause` before `module`.
                Some(cause) => {
                    let cause_key = Term::atom(vm.atoms.intern("cause"));
                    let cause = Term::atom(vm.atoms.intern(cause));
                    proc.heap.map_sorted(&[cause_key, key], &[cause, value])
                }
                None => proc.heap.map_sorted(&[key], &[value]),
            };
            let error_info = Term::atom(vm.atoms.intern("error_info"));
            let item = proc.heap.tuple(&[error_info, info]);
            proc.heap.list(&[item])
        }
        None => Term::NIL,
    };
    let args = proc.heap.list(args);
    let frame = proc.heap.tuple(&[
        Term::atom(mfa.module),
        Term::atom(mfa.function),
        args,
        location,
    ]);
    Exception {
        bif_frame: frame,
        args: Term::NONE,
        ..e
    }
}

/// Moves the elements of list `args` into x(start..); returns how many.
/// Moves the elements of list `args` into x(0..); returns how many.
fn spread(vm: &Vm, proc: &Process, x: &mut [Term], args: Term) -> Option<u8> {
    let items = proc.heap.mem(&vm.literals).list_elements(args)?;
    let n = u8::try_from(items.len()).ok()?;
    x[..items.len()].copy_from_slice(&items);
    Some(n)
}

#[allow(clippy::too_many_arguments)]
fn apply_mf(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    here: CodeAddr,
    m: Term,
    f: Term,
    arity: u8,
    kind: Kind,
    reductions: &mut u32,
) -> Flow {
    match (m.as_atom(), f.as_atom()) {
        (Some(module), Some(function)) => call_mfa(
            vm,
            proc,
            x,
            here,
            Mfa {
                module,
                function,
                arity,
            },
            kind,
            reductions,
        ),
        _ => Flow::Raise(Exception::badarg()),
    }
}

/// Enters Erlang code at `addr`.
fn enter(
    proc: &mut Process,
    x: &mut [Term],
    here: CodeAddr,
    addr: CodeAddr,
    arity: u8,
    kind: Kind,
    reductions: &mut u32,
) -> Flow {
    if kind == Kind::Call {
        proc.cp = Term::cp(CodeAddr {
            module: here.module,
            ip: here.ip + 1,
        });
    }
    *reductions = reductions.saturating_sub(1);
    if *reductions == 0 {
        return preempt(proc, x, arity, addr);
    }
    Flow::Goto(addr)
}

/// After a native call: continue, or return for a tail call.
fn finish(proc: &mut Process, kind: Kind) -> Flow {
    match kind {
        Kind::Call => Flow::Next,
        Kind::Tail => do_return(proc),
    }
}

fn do_return(proc: &mut Process) -> Flow {
    match proc.cp.as_cp() {
        Some(CodeAddr::EXIT) | None => Flow::Stop(Yield::Exited(atoms::normal)),
        Some(addr) => {
            // Back in the caller, which keeps its own return address in its stack
            // frame: a stale CP must not show up in stack traces.
            proc.cp = Term::NONE;
            Flow::Goto(addr)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn call_fun(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    here: CodeAddr,
    fun: Term,
    arity: u8,
    kind: Kind,
    reductions: &mut u32,
) -> Flow {
    let mem = proc.heap.mem(&vm.literals);
    match mem.boxed(fun) {
        Some((h, payload)) if h.kind == HeaderKind::Fun => {
            let (Some(m), Some(i)) = (
                payload.first().and_then(|t| t.as_small()),
                payload.get(1).and_then(|t| t.as_small()),
            ) else {
                return Flow::Raise(Exception::error(atoms::badfun));
            };
            let free: Vec<Term> = payload[2..].to_vec();
            let Some(lambda) = vm
                .modules
                .get(m as usize)
                .and_then(|md| md.lambdas.get(i as usize))
                .copied()
            else {
                return Flow::Raise(Exception::error(atoms::badfun));
            };
            if usize::from(lambda.arity) != usize::from(arity) + free.len() {
                return badarity(proc, fun, &x[..usize::from(arity)]);
            }
            for (k, v) in free.iter().enumerate() {
                x[usize::from(arity) + k] = *v;
            }
            enter(
                proc,
                x,
                here,
                CodeAddr {
                    module: m as u32,
                    ip: lambda.entry,
                },
                lambda.arity,
                kind,
                reductions,
            )
        }
        Some((h, [m, f, a])) if h.kind == HeaderKind::Export => {
            let (Some(module), Some(function)) = (m.as_atom(), f.as_atom()) else {
                return Flow::Raise(Exception::error(atoms::badfun));
            };
            if a.as_small() != Some(i64::from(arity)) {
                return badarity(proc, fun, &x[..usize::from(arity)]);
            }
            call_mfa(
                vm,
                proc,
                x,
                here,
                Mfa {
                    module,
                    function,
                    arity,
                },
                kind,
                reductions,
            )
        }
        _ => Flow::Raise(Exception::error(proc.heap.tuple(&[atoms::badfun, fun]))),
    }
}

/// Raises `{badarity, {Fun, Args}}`.
fn badarity(proc: &mut Process, fun: Term, args: &[Term]) -> Flow {
    let args = proc.heap.list(args);
    let inner = proc.heap.tuple(&[fun, args]);
    Flow::Raise(Exception::error(proc.heap.tuple(&[atoms::badarity, inner])))
}

fn type_test(mem: &crate::heap::Mem<'_>, test: TypeTest, t: Term) -> bool {
    match test {
        TypeTest::Integer => mem.is_integer(t),
        TypeTest::Float => mem.kind(t) == Some(HeaderKind::Float),
        TypeTest::Number => mem.is_integer(t) || mem.kind(t) == Some(HeaderKind::Float),
        TypeTest::Atom => t.as_atom().is_some(),
        TypeTest::Pid => t.as_pid().is_some(),
        TypeTest::Reference => mem.kind(t) == Some(HeaderKind::Ref),
        TypeTest::Port => t.as_port().is_some(),
        TypeTest::Nil => t.is_nil(),
        TypeTest::Binary => mem.bitstr(t).is_some_and(|b| b.bits % 8 == 0),
        TypeTest::Bitstr => mem.bitstr(t).is_some(),
        TypeTest::List => t.is_nil() || t.as_list().is_some(),
        TypeTest::NonemptyList => t.as_list().is_some(),
        TypeTest::Tuple => mem.tuple(t).is_some(),
        TypeTest::Function => matches!(mem.kind(t), Some(HeaderKind::Fun | HeaderKind::Export)),
        TypeTest::Boolean => t == atoms::true_ || t == atoms::false_,
        TypeTest::Map => mem.kind(t) == Some(HeaderKind::Map),
    }
}

pub(super) fn fail_or(fail: Label, exc: Exception) -> Flow {
    if fail == NO_LABEL {
        Flow::Raise(exc)
    } else {
        Flow::Jump(fail)
    }
}

fn error_tuple(proc: &mut Process, tag: Term, value: Term) -> Exception {
    Exception::error(proc.heap.tuple(&[tag, value]))
}

#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
#[inline(always)]
fn step(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    fregs: &mut [f64],
    module: &Rc<Module>,
    ip: Label,
    instr: &Instr,
    reductions: &mut u32,
) -> Flow {
    let here = CodeAddr {
        module: module.index,
        ip,
    };
    match instr {
        Instr::Nop => Flow::Next,
        Instr::FuncInfo { .. } => {
            let Some(f) = module.function_at(ip) else {
                return Flow::Raise(Exception::error(atoms::function_clause));
            };
            let args = proc.heap.list(&x[..usize::from(f.arity)]);
            Flow::Raise(Exception {
                args,
                ..Exception::error(atoms::function_clause)
            })
        }
        Instr::Call { arity, target } => enter(
            proc,
            x,
            here,
            CodeAddr {
                module: module.index,
                ip: *target,
            },
            *arity,
            Kind::Call,
            reductions,
        ),
        Instr::CallOnly { arity, target } => enter(
            proc,
            x,
            here,
            CodeAddr {
                module: module.index,
                ip: *target,
            },
            *arity,
            Kind::Tail,
            reductions,
        ),
        Instr::CallLast {
            arity,
            target,
            dealloc,
        } => {
            proc.deallocate(usize::from(*dealloc));
            enter(
                proc,
                x,
                here,
                CodeAddr {
                    module: module.index,
                    ip: *target,
                },
                *arity,
                Kind::Tail,
                reductions,
            )
        }
        Instr::CallExt { import, .. }
        | Instr::CallExtOnly { import, .. }
        | Instr::CallExtLast { import, .. } => {
            let Some(mfa) = module.imports.get(*import as usize).copied() else {
                return Flow::Stop(Yield::Faulted(Fault("import out of range".into())));
            };
            let kind = match instr {
                Instr::CallExt { .. } => Kind::Call,
                Instr::CallExtLast { dealloc, .. } => {
                    proc.deallocate(usize::from(*dealloc));
                    Kind::Tail
                }
                _ => Kind::Tail,
            };
            call_mfa(vm, proc, x, here, mfa, kind, reductions)
        }
        Instr::Nif { mfa } => call_mfa(vm, proc, x, here, *mfa, Kind::Tail, reductions),
        Instr::Apply { arity } | Instr::ApplyLast { arity, .. } => {
            let (m, f) = (x[usize::from(*arity)], x[usize::from(*arity) + 1]);
            let kind = if let Instr::ApplyLast { dealloc, .. } = instr {
                proc.deallocate(usize::from(*dealloc));
                Kind::Tail
            } else {
                Kind::Call
            };
            apply_mf(vm, proc, x, here, m, f, *arity, kind, reductions)
        }
        Instr::CallFun { arity } => {
            let fun = x[usize::from(*arity)];
            call_fun(vm, proc, x, here, fun, *arity, Kind::Call, reductions)
        }
        Instr::CallFun2 { arity, fun } => {
            let fun = get(proc, x, *fun);
            call_fun(vm, proc, x, here, fun, *arity, Kind::Call, reductions)
        }
        Instr::Bif {
            fail,
            bif,
            args,
            dst,
            live,
            mfa,
            ..
        } => {
            if *live != crate::module::NO_GC {
                ensure_heap(proc, x, 16, usize::from(*live));
            }
            // BIFs take at most 3 arguments here: no allocation per call.
            let mut buffer = [Term::NIL; 4];
            let n = args.len().min(4);
            for (slot, a) in buffer.iter_mut().zip(args.iter()) {
                *slot = get(proc, x, *a);
            }
            let values = &buffer[..n];
            let mut ctx = Context { vm, proc };
            match bif(&mut ctx, values) {
                Ok(v) => {
                    put(proc, x, *dst, v);
                    Flow::Next
                }
                Err(_) if *fail != NO_LABEL => Flow::Jump(*fail),
                Err(e) => Flow::Raise(with_bif_frame(vm, proc, *mfa, values, e)),
            }
        }
        Instr::AddSub {
            sub,
            fail,
            a,
            b,
            dst,
            live,
            bif,
        } => {
            let (va, vb) = (get(proc, x, *a), get(proc, x, *b));
            if let (Some(sa), Some(sb)) = (va.as_small(), vb.as_small()) {
                // Two 60-bit values: the i64 result cannot overflow.
                let r = if *sub { sa - sb } else { sa + sb };
                if let Some(t) = Term::small(r) {
                    put(proc, x, *dst, t);
                    return Flow::Next;
                }
            }
            if *live != crate::module::NO_GC {
                ensure_heap(proc, x, 16, usize::from(*live));
            }
            let args = [get(proc, x, *a), get(proc, x, *b)];
            match bif(&mut Context { vm, proc }, &args) {
                Ok(v) => {
                    put(proc, x, *dst, v);
                    Flow::Next
                }
                Err(e) => fail_or(*fail, e),
            }
        }
        Instr::MissingBif(mfa) => Flow::Stop(Yield::Faulted(Fault(format!(
            "BIF {}:{}/{} is not implemented",
            vm.atoms.name(mfa.module),
            vm.atoms.name(mfa.function),
            mfa.arity
        )))),
        Instr::Allocate {
            stack,
            heap,
            live,
            zero: _,
        } => {
            if *heap > 0 {
                ensure_heap(proc, x, *heap as usize, usize::from(*live));
            }
            proc.allocate(usize::from(*stack));
            Flow::Next
        }
        Instr::TestHeap { need, live } => {
            ensure_heap(proc, x, *need as usize, usize::from(*live));
            Flow::Next
        }
        Instr::Deallocate(n) => {
            proc.deallocate(usize::from(*n));
            Flow::Next
        }
        Instr::Return => do_return(proc),
        Instr::Trim { n, remaining: _ } => {
            // Keep the CP: move it up by n slots.
            let cp = proc.stack.get(proc.e).copied().unwrap_or(Term::NONE);
            proc.e = (proc.e + usize::from(*n)).min(proc.stack.len().saturating_sub(1));
            if let Some(slot) = proc.stack.get_mut(proc.e) {
                *slot = cp;
            }
            Flow::Next
        }
        Instr::InitYregs(ys) => {
            for y in ys.iter() {
                proc.set_y(*y, Term::NIL);
            }
            Flow::Next
        }
        Instr::Move { src, dst } => {
            let v = get(proc, x, *src);
            put(proc, x, *dst, v);
            Flow::Next
        }
        Instr::Swap(a, b) => {
            let va = get(proc, x, dst_src(*a));
            let vb = get(proc, x, dst_src(*b));
            put(proc, x, *a, vb);
            put(proc, x, *b, va);
            Flow::Next
        }
        Instr::GetList { src, head, tail } => {
            let v = get(proc, x, *src);
            match proc.heap.mem(&vm.literals).cons(v) {
                Some((h, t)) => {
                    put(proc, x, *head, h);
                    put(proc, x, *tail, t);
                    Flow::Next
                }
                None => Flow::Stop(Yield::Faulted(Fault("get_list on a non-list".into()))),
            }
        }
        Instr::GetHd { src, dst } | Instr::GetTl { src, dst } => {
            let v = get(proc, x, *src);
            match proc.heap.mem(&vm.literals).cons(v) {
                Some((h, t)) => {
                    put(
                        proc,
                        x,
                        *dst,
                        if matches!(instr, Instr::GetHd { .. }) {
                            h
                        } else {
                            t
                        },
                    );
                    Flow::Next
                }
                None => Flow::Stop(Yield::Faulted(Fault("get_hd/get_tl on a non-list".into()))),
            }
        }
        Instr::GetTupleElement { src, index, dst } => {
            let v = get(proc, x, *src);
            match proc
                .heap
                .mem(&vm.literals)
                .tuple(v)
                .and_then(|e| e.get(*index as usize))
                .copied()
            {
                Some(e) => {
                    put(proc, x, *dst, e);
                    Flow::Next
                }
                None => Flow::Stop(Yield::Faulted(Fault(
                    "get_tuple_element out of range".into(),
                ))),
            }
        }
        Instr::SetTupleElement {
            value,
            tuple,
            index,
        } => {
            let (v, t) = (get(proc, x, *value), get(proc, x, *tuple));
            match t.as_boxed() {
                Some((crate::term::Area::Heap, at)) => {
                    if let Some(slot) = proc.heap.words.get_mut(at + 1 + *index as usize) {
                        *slot = v;
                    }
                    Flow::Next
                }
                _ => Flow::Stop(Yield::Faulted(Fault(
                    "set_tuple_element on a non-heap tuple".into(),
                ))),
            }
        }
        Instr::PutList { head, tail, dst } => {
            let (h, t) = (get(proc, x, *head), get(proc, x, *tail));
            let cell = proc.heap.cons(h, t);
            put(proc, x, *dst, cell);
            Flow::Next
        }
        Instr::PutTuple { elements, dst } => {
            let values: Vec<Term> = elements.iter().map(|s| get(proc, x, *s)).collect();
            let t = proc.heap.tuple(&values);
            put(proc, x, *dst, t);
            Flow::Next
        }
        Instr::Cmp { op, fail, a, b } => {
            let (va, vb) = (get(proc, x, *a), get(proc, x, *b));
            let holds = if let (Some(sa), Some(sb)) = (va.as_small(), vb.as_small()) {
                match op {
                    Compare::Lt => sa < sb,
                    Compare::Ge => sa >= sb,
                    Compare::Eq | Compare::EqExact => sa == sb,
                    Compare::Ne | Compare::NeExact => sa != sb,
                }
            } else if va == vb && matches!(op, Compare::EqExact | Compare::Eq | Compare::Ge) {
                true
            } else if va == vb {
                false
            } else {
                let mem = proc.heap.mem(&vm.literals);
                let exact = matches!(op, Compare::EqExact | Compare::NeExact);
                let order = compare(&mem, &vm.atoms, va, vb, exact);
                match op {
                    Compare::Lt => order == Ordering::Less,
                    Compare::Ge => order != Ordering::Less,
                    Compare::Eq | Compare::EqExact => order == Ordering::Equal,
                    Compare::Ne | Compare::NeExact => order != Ordering::Equal,
                }
            };
            if holds {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::Test { test, fail, src } => {
            let v = get(proc, x, *src);
            if type_test(&proc.heap.mem(&vm.literals), *test, v)
                || (matches!(test, TypeTest::Port) && vm.is_driver(v))
            {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::TestArity { fail, src, arity } => {
            let v = get(proc, x, *src);
            let ok = proc
                .heap
                .mem(&vm.literals)
                .tuple(v)
                .is_some_and(|e| e.len() == *arity as usize);
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::IsTaggedTuple {
            fail,
            src,
            arity,
            tag,
        } => {
            let v = get(proc, x, *src);
            let ok = proc
                .heap
                .mem(&vm.literals)
                .tuple(v)
                .is_some_and(|e| e.len() == *arity as usize && e.first() == Some(tag));
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::IsFunction2 { fail, src, arity } => {
            let (f, a) = (get(proc, x, *src), get(proc, x, *arity));
            let ok = fun_arity(vm, proc, f).is_some_and(|n| Some(i64::from(n)) == a.as_small());
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::SelectVal { src, fail, table } => {
            let v = get(proc, x, *src);
            if v.is_immediate() {
                match table.iter().find(|(k, _)| *k == v) {
                    Some((_, l)) => Flow::Jump(*l),
                    None => Flow::Jump(*fail),
                }
            } else {
                let mem = proc.heap.mem(&vm.literals);
                match table
                    .iter()
                    .find(|(k, _)| compare(&mem, &vm.atoms, *k, v, true) == Ordering::Equal)
                {
                    Some((_, l)) => Flow::Jump(*l),
                    None => Flow::Jump(*fail),
                }
            }
        }
        Instr::SelectSorted { src, fail, table } => {
            let v = get(proc, x, *src);
            match table.binary_search_by_key(&v.raw(), |(t, _)| t.raw()) {
                Ok(i) => Flow::Jump(table[i].1),
                Err(_) => Flow::Jump(*fail),
            }
        }
        Instr::JumpTable {
            src,
            fail,
            min,
            labels,
        } => {
            let v = get(proc, x, *src);
            let target = v
                .as_small()
                .and_then(|v| usize::try_from(v.wrapping_sub(*min)).ok())
                .and_then(|i| labels.get(i));
            Flow::Jump(target.copied().unwrap_or(*fail))
        }
        Instr::SelectTupleArity { src, fail, table } => {
            let v = get(proc, x, *src);
            let n = proc.heap.mem(&vm.literals).tuple(v).map(|e| e.len() as u32);
            match n.and_then(|n| table.iter().find(|(a, _)| *a == n)) {
                Some((_, l)) => Flow::Jump(*l),
                None => Flow::Jump(*fail),
            }
        }
        Instr::Jump(l) => Flow::Jump(*l),
        Instr::Badmatch(s) => {
            let v = get(proc, x, *s);
            Flow::Raise(error_tuple(proc, atoms::badmatch, v))
        }
        Instr::IfEnd => Flow::Raise(Exception::error(atoms::if_clause)),
        Instr::CaseEnd(s) => {
            let v = get(proc, x, *s);
            Flow::Raise(error_tuple(proc, atoms::case_clause, v))
        }
        Instr::TryCaseEnd(s) => {
            let v = get(proc, x, *s);
            Flow::Raise(error_tuple(proc, atoms::try_clause, v))
        }
        Instr::Badrecord(s) => {
            let v = get(proc, x, *s);
            Flow::Raise(error_tuple(proc, atoms::badrecord, v))
        }
        Instr::Catch { y, handler } => {
            proc.set_y(
                *y,
                Term::catch(CodeAddr {
                    module: module.index,
                    ip: *handler,
                }),
            );
            Flow::Next
        }
        Instr::CatchEnd(y) => {
            proc.set_y(*y, Term::NIL);
            if x[0].is_none() {
                let (class, reason, raw) = (x[1], x[2], x[3]);
                x[0] = if class == atoms::throw {
                    reason
                } else if class == atoms::error {
                    let stack = trace_list(proc, raw);
                    let inner = proc.heap.tuple(&[reason, stack]);
                    proc.heap.tuple(&[atoms::EXIT, inner])
                } else {
                    proc.heap.tuple(&[atoms::EXIT, reason])
                };
            }
            Flow::Next
        }
        Instr::TryEnd(y) => {
            proc.set_y(*y, Term::NIL);
            Flow::Next
        }
        Instr::TryCase(y) => {
            proc.set_y(*y, Term::NIL);
            x[0] = x[1];
            x[1] = x[2];
            x[2] = x[3];
            Flow::Next
        }
        Instr::Raise { trace, reason } => {
            let (raw, reason) = (get(proc, x, *trace), get(proc, x, *reason));
            let lits = crate::heap::Heap::default();
            let class = match proc.heap.mem(&lits).tuple(raw) {
                Some([tag, class, _]) if *tag == atoms::raw_trace => *class,
                _ => atoms::error,
            };
            Flow::Raise(Exception {
                class,
                reason,
                args: Term::NONE,
                trace: raw,
                bif_frame: Term::NONE,
                error_info: Term::NONE,
                skip_current: false,
                cause: None,
            })
        }
        Instr::BuildStacktrace => {
            x[0] = trace_list(proc, x[0]);
            Flow::Next
        }
        Instr::RawRaise => {
            let (class, reason, raw) = (x[0], x[1], x[2]);
            if class == atoms::error || class == atoms::exit || class == atoms::throw {
                Flow::Raise(Exception {
                    class,
                    reason,
                    args: Term::NONE,
                    trace: raw,
                    bif_frame: Term::NONE,
                    error_info: Term::NONE,
                    skip_current: false,
                    cause: None,
                })
            } else {
                x[0] = atoms::badarg;
                Flow::Next
            }
        }
        Instr::Send => {
            let (dest, msg) = (x[0], x[1]);
            let sent = crate::bif::process::send(&mut Context { vm, proc }, &[dest, msg]);
            // A port's exit signal may have ended another process, whose monitors
            // include this one.
            vm.drain_to_current(proc);
            if let Err(e) = sent {
                return Flow::Raise(e);
            }
            x[0] = msg;
            *reductions = reductions.saturating_sub(1);
            Flow::Next
        }
        Instr::LoopRec { fail, dst } => match proc.mailbox.get(proc.recv_pos).copied() {
            Some(m) => {
                put(proc, x, *dst, m);
                Flow::Next
            }
            None => Flow::Jump(*fail),
        },
        Instr::LoopRecEnd(l) => {
            proc.recv_pos += 1;
            Flow::Jump(*l)
        }
        Instr::RemoveMessage => {
            if proc.recv_pos < proc.mailbox.len() {
                proc.mailbox.remove(proc.recv_pos);
            }
            proc.recv_pos = 0;
            cancel_receive_timer(vm, proc);
            Flow::Next
        }
        Instr::Timeout => {
            proc.recv_pos = 0;
            cancel_receive_timer(vm, proc);
            Flow::Next
        }
        Instr::Wait(l) => {
            proc.resume = CodeAddr {
                module: module.index,
                ip: *l,
            };
            proc.status = Status::Waiting { timer: None };
            Flow::Stop(Yield::Waiting)
        }
        Instr::WaitTimeout { target, timeout } => {
            if proc.timed_out {
                proc.timed_out = false;
                proc.recv_timer = None;
                return Flow::Next;
            }
            // Woken by a message: examine it (unless the receive has no clauses,
            // `receive after T -> ...`, whose loop label is this very instruction).
            if proc.recv_pos < proc.mailbox.len() && *target != here.ip {
                return Flow::Jump(*target);
            }
            if let Some(timer) = proc.recv_timer {
                // Already waiting (the registers are dead across a wait: the
                // timeout operand is read only the first time).
                proc.resume = here;
                proc.status = Status::Waiting { timer: Some(timer) };
                return Flow::Stop(Yield::Waiting);
            }
            let t = get(proc, x, *timeout);
            if t == atoms::infinity {
                proc.resume = CodeAddr {
                    module: module.index,
                    ip: *target,
                };
                proc.status = Status::Waiting { timer: None };
                return Flow::Stop(Yield::Waiting);
            }
            let ms = match t.as_small() {
                Some(ms) if ms >= 0 => ms as u64,
                _ => {
                    return Flow::Raise(Exception::error(Term::atom(
                        vm.atoms.intern("timeout_value"),
                    )))
                }
            };
            if ms == 0 {
                return Flow::Next;
            }
            let timer = match proc.recv_timer {
                Some(id) => id,
                None => {
                    let id = vm.start_timer(ms, TimerAction::ReceiveTimeout { pid: proc.pid });
                    proc.recv_timer = Some(id);
                    id
                }
            };
            proc.resume = here;
            proc.status = Status::Waiting { timer: Some(timer) };
            Flow::Stop(Yield::Waiting)
        }
        Instr::MakeFun { index, free, dst } => {
            let Some(lambda) = module.lambdas.get(*index as usize).copied() else {
                return Flow::Stop(Yield::Faulted(Fault(
                    "make_fun of an unknown lambda".into(),
                )));
            };
            let values: Vec<Term> = if free.is_empty() {
                x[..usize::from(lambda.free)].to_vec()
            } else {
                free.iter().map(|s| get(proc, x, *s)).collect()
            };
            let f = proc.heap.closure(module.index, *index, &values);
            put(proc, x, *dst, f);
            Flow::Next
        }
        Instr::PutMap {
            exact,
            fail,
            src,
            dst,
            live,
            pairs,
        } => {
            // Like BEAM's put_map_*: make room first (this may collect garbage).
            let size = proc
                .heap
                .mem(&vm.literals)
                .map(get(proc, x, *src))
                .map_or(0, |(k, _)| k.len());
            ensure_heap(proc, x, 2 * (size + pairs.len()) + 4, usize::from(*live));
            let m = get(proc, x, *src);
            let updates: Vec<(Term, Term)> = pairs
                .iter()
                .map(|(k, v)| (get(proc, x, *k), get(proc, x, *v)))
                .collect();
            let mut ctx = Context { vm, proc };
            match bif::maps::update(&mut ctx, m, &updates, *exact) {
                Ok(new) => {
                    put(proc, x, *dst, new);
                    Flow::Next
                }
                Err(e) => fail_or(*fail, e),
            }
        }
        Instr::HasMapFields { fail, src, keys } => {
            let m = get(proc, x, *src);
            let ks: Vec<Term> = keys.iter().map(|k| get(proc, x, *k)).collect();
            let ctx = Context { vm, proc };
            let ok = ks.iter().all(|k| bif::maps::get(&ctx, m, *k).is_some());
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::GetMapElements { fail, src, pairs } => {
            let m = get(proc, x, *src);
            let keys: Vec<(Term, Dst)> =
                pairs.iter().map(|(k, d)| (get(proc, x, *k), *d)).collect();
            let mut found = Vec::with_capacity(keys.len());
            {
                let ctx = Context { vm, proc };
                for (k, d) in &keys {
                    match bif::maps::get(&ctx, m, *k) {
                        Some(v) => found.push((*d, v)),
                        None => return Flow::Jump(*fail),
                    }
                }
            }
            for (d, v) in found {
                put(proc, x, d, v);
            }
            Flow::Next
        }
        Instr::FMove { src, dst } => {
            let value = match src {
                FSrc::Fr(r) => fregs[usize::from(*r)],
                FSrc::Src(s) => {
                    let t = get(proc, x, *s);
                    match proc.heap.mem(&vm.literals).float(t) {
                        Some(v) => v,
                        None => {
                            return Flow::Stop(Yield::Faulted(Fault("fmove of a non-float".into())))
                        }
                    }
                }
            };
            match dst {
                FDst::Fr(r) => fregs[usize::from(*r)] = value,
                FDst::Reg(d) => {
                    let t = proc.heap.float(value);
                    put(proc, x, *d, t);
                }
            }
            Flow::Next
        }
        Instr::FConv { src, dst } => {
            let t = get(proc, x, *src);
            let mem = proc.heap.mem(&vm.literals);
            let v = match (mem.float(t), mem.int(t)) {
                (Some(v), _) => v,
                (None, Some(crate::heap::Int::Small(i))) => i as f64,
                (None, Some(crate::heap::Int::Big(b))) => {
                    num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)
                }
                _ => return Flow::Raise(Exception::badarith()),
            };
            if !v.is_finite() {
                return Flow::Raise(Exception::badarith());
            }
            fregs[usize::from(*dst)] = v;
            Flow::Next
        }
        Instr::FArith { op, a, b, dst } => {
            let (va, vb) = (fregs[usize::from(*a)], fregs[usize::from(*b)]);
            let r = match op {
                FOp::Add => va + vb,
                FOp::Sub => va - vb,
                FOp::Mul => va * vb,
                FOp::Div => va / vb,
                FOp::Neg => -va,
            };
            if !r.is_finite() {
                return Flow::Raise(Exception::badarith());
            }
            fregs[usize::from(*dst)] = r;
            Flow::Next
        }
        Instr::BsCreate { .. }
        | Instr::BsStartMatch { .. }
        | Instr::BsGetPosition { .. }
        | Instr::BsSetPosition { .. }
        | Instr::BsGetTail { .. }
        | Instr::BsGet { .. }
        | Instr::BsSkip { .. }
        | Instr::BsTestTail { .. }
        | Instr::BsTestUnit { .. }
        | Instr::BsMatchString { .. }
        | Instr::BsGetUtf { .. }
        | Instr::BsInit { .. }
        | Instr::BsPut { .. }
        | Instr::BsAdd { .. }
        | Instr::BsUtfSize { .. }
        | Instr::BsAppend { .. }
        | Instr::BsInitWritable
        | Instr::BsMatch { .. } => super::bitsyntax::step(vm, proc, x, instr),
        Instr::IsNativeRecord { .. }
        | Instr::IsRecordAccessible { .. }
        | Instr::GetRecordElements { .. }
        | Instr::PutRecord { .. }
        | Instr::GetRecordField { .. } => super::records::step(vm, proc, x, module, instr),
        Instr::UpdateRecord { src, dst, updates } => {
            let t = get(proc, x, *src);
            let Some(mut elements) = proc.heap.mem(&vm.literals).tuple(t).map(<[Term]>::to_vec)
            else {
                return Flow::Stop(Yield::Faulted(Fault("update_record of a non-tuple".into())));
            };
            for (i, v) in updates.iter() {
                let value = get(proc, x, *v);
                match elements.get_mut(*i as usize) {
                    Some(slot) => *slot = value,
                    None => {
                        return Flow::Stop(Yield::Faulted(Fault(
                            "update_record out of range".into(),
                        )))
                    }
                }
            }
            let new = proc.heap.tuple(&elements);
            put(proc, x, *dst, new);
            Flow::Next
        }
        Instr::Unsupported(op) => Flow::Stop(Yield::Faulted(Fault(format!(
            "instruction `{}` is not supported yet (in {})",
            op.name(),
            vm.atoms.name(module.name)
        )))),
    }
}

fn dst_src(d: Dst) -> Src {
    match d {
        Dst::X(n) => Src::X(n),
        Dst::Y(n) => Src::Y(n),
    }
}

fn cancel_receive_timer(vm: &mut Vm, proc: &mut Process) {
    if let Some(id) = proc.recv_timer.take() {
        vm.timers.remove(&id);
    }
    proc.timed_out = false;
}

/// The arity of a fun term.
pub fn fun_arity(vm: &Vm, proc: &Process, f: Term) -> Option<u8> {
    let mem = proc.heap.mem(&vm.literals);
    match mem.boxed(f)? {
        (h, payload) if h.kind == HeaderKind::Fun => {
            let m = payload.first()?.as_small()?;
            let i = payload.get(1)?.as_small()?;
            let lambda = vm.modules.get(m as usize)?.lambdas.get(i as usize)?;
            Some(lambda.arity.saturating_sub((payload.len() - 2) as u8))
        }
        (h, [_, _, a]) if h.kind == HeaderKind::Export => u8::try_from(a.as_small()?).ok(),
        _ => None,
    }
}
