//! Process BIFs: spawning, messages, links, monitors, names, the process dictionary,
//! exits and timers; plus `erlang:display/1` and module introspection.

use super::{arg, boolean, check};
use crate::atom::atoms;
use crate::display::display as format_term;
use crate::heap::gc::copy_term;
use crate::heap::Heap;
use crate::interp::{Context, Exception};
use crate::module::Mfa;
use crate::process::Monitor;
use crate::term::{CodeAddr, HeaderKind, Term};
use crate::vm::{Destination, TimerAction};
use std::io::Write;

/// `erlang:display/1`: the term and `\r\n`, as BEAM writes it (`\n` in device mode,
/// as AtomVM does).
pub fn display(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut text = Vec::new();
    format_term(&ctx.mem(), &ctx.vm.atoms, arg(args, 0), &mut text);
    if ctx.vm.code_path.device_release.is_some() {
        text.push(b'\n');
    } else {
        text.extend_from_slice(b"\r\n");
    }
    let _ = ctx.vm.out.write_all(&text);
    Ok(atoms::true_)
}

/// `self/0`.
pub fn self_(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::pid(ctx.proc.pid))
}

/// `node/0,1`.
pub fn node(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::nonode_nohost)
}

/// `make_ref/0`.
pub fn make_ref(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let id = ctx.vm.fresh_id();
    Ok(ctx.heap().reference(id))
}

/// Where a new process starts, its arguments, and its initial call (M, F, A).
type Entry = (CodeAddr, Vec<Term>, (u32, u32, u8));

/// The entry point and start arguments of a 0-arity fun.
fn fun_entry(ctx: &mut Context<'_>, fun: Term) -> Result<Entry, Exception> {
    let mem = ctx.mem();
    match mem.boxed(fun) {
        Some((h, payload)) if h.kind == HeaderKind::Fun => {
            let (m, i) = super::terms::closure_indices(payload)?;
            let m = u32::try_from(m).map_err(|_| Exception::badarg())?;
            let free = payload[2..].to_vec();
            let module = ctx
                .vm
                .modules
                .get(m as usize)
                .ok_or_else(Exception::badarg)?;
            let lambda = module.lambdas.get(i).ok_or_else(Exception::badarg)?;
            check(usize::from(lambda.arity) == free.len())?;
            Ok((
                CodeAddr {
                    module: m,
                    ip: lambda.entry,
                },
                free,
                (module.name, lambda.name, 0),
            ))
        }
        Some((h, [m, f, a])) if h.kind == HeaderKind::Export => {
            check(a.as_small() == Some(0))?;
            let mfa = Mfa {
                module: m.as_atom().ok_or_else(Exception::badarg)?,
                function: f.as_atom().ok_or_else(Exception::badarg)?,
                arity: 0,
            };
            native_or_export(ctx, mfa, Vec::new())
        }
        _ => Err(Exception::badarg()),
    }
}

fn mfa_entry(ctx: &mut Context<'_>, args: &[Term]) -> Result<Entry, Exception> {
    let module = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let function = arg(args, 1).as_atom().ok_or_else(Exception::badarg)?;
    let list = ctx
        .mem()
        .list_elements(arg(args, 2))
        .ok_or_else(Exception::badarg)?;
    let arity = u8::try_from(list.len()).map_err(|_| Exception::badarg())?;
    native_or_export(
        ctx,
        Mfa {
            module,
            function,
            arity,
        },
        list,
    )
}

/// The entry for calling `mfa` with `args` in a new process: its code, or through the
/// apply trampoline when it is a native function.
fn native_or_export(
    ctx: &mut Context<'_>,
    mfa: Mfa,
    mut args: Vec<Term>,
) -> Result<Entry, Exception> {
    let call = (mfa.module, mfa.function, mfa.arity);
    let native = super::lookup(
        ctx.vm.atoms.name(mfa.module),
        ctx.vm.atoms.name(mfa.function),
        mfa.arity,
    )
    .is_some();
    if !native {
        if let Some(entry) = ctx.vm.export(mfa) {
            return Ok((entry, args, call));
        }
        return Err(Exception::error(atoms::undef));
    }
    args.extend([Term::atom(mfa.module), Term::atom(mfa.function)]);
    Ok((ctx.vm.trampoline(mfa.arity), args, call))
}

fn start(
    ctx: &mut Context<'_>,
    entry: Entry,
    link: bool,
    monitor: bool,
    process_flags: flags::Flags,
) -> Result<Term, Exception> {
    let (addr, start_args, mfa) = entry;
    let pid = ctx.vm.spawn(addr, &start_args, &ctx.proc.heap, mfa);
    // Always: a reused pid index must not inherit an exited process's flags.
    flags::set(ctx, pid, process_flags);
    let gl = ctx.proc.group_leader;
    if let Some(Some(child)) = ctx.vm.procs.get_mut(pid as usize) {
        child.group_leader = gl;
        if link {
            child.links.insert(ctx.proc.pid);
        }
    }
    if link {
        ctx.proc.links.insert(pid);
    }
    let pid_term = Term::pid(pid);
    if monitor {
        let reference = add_monitor(ctx, pid);
        return Ok(ctx.heap().tuple(&[pid_term, reference]));
    }
    Ok(pid_term)
}

fn add_monitor(ctx: &mut Context<'_>, pid: u32) -> Term {
    add_monitor_as(ctx, pid, Term::pid(pid))
}

/// A monitor on `pid`; `who` is how a `'DOWN'` for a process that is already gone
/// names it (the pid, or `{Name, Node}`).
fn add_monitor_as(ctx: &mut Context<'_>, pid: u32, who: Term) -> Term {
    add_monitor_of_kind(ctx, pid, who, false)
}

/// A monitor on `pid`, whose `'DOWN'` says `port` when `port` (AtomVM's drivers are
/// processes, see `monitor/2`) and `process` otherwise.
fn add_monitor_of_kind(ctx: &mut Context<'_>, pid: u32, who: Term, port: bool) -> Term {
    let id = ctx.vm.fresh_id();
    let me = ctx.proc.pid;
    let name = ctx.mem().tuple(who).and_then(|t| t.first()?.as_atom());
    match ctx.vm.procs.get_mut(pid as usize) {
        // A process monitoring itself: a reference and nothing else, as in BEAM.
        _ if pid == me => {}
        Some(Some(target)) => {
            target.monitored_by.push(Monitor {
                reference: id,
                pid: me,
                name,
                port,
            });
            ctx.proc.monitors.push(Monitor {
                reference: id,
                pid,
                name,
                port,
            });
        }
        _ => {
            // Already gone: 'DOWN' with noproc at once.
            let r = ctx.heap().reference(id);
            let kind = if port { atoms::port } else { atoms::process };
            let msg = ctx
                .heap()
                .tuple(&[atoms::DOWN, r, kind, who, atoms::noproc]);
            ctx.proc.mailbox.push(msg);
        }
    }
    ctx.heap().reference(id)
}

/// `spawn/1`.
pub fn spawn1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = fun_entry(ctx, arg(args, 0))?;
    start(ctx, e, false, false, flags::for_new(ctx))
}
/// `spawn/3`.
pub fn spawn3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = mfa_entry(ctx, args)?;
    start(ctx, e, false, false, flags::for_new(ctx))
}
/// `spawn_link/1`.
pub fn spawn_link1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = fun_entry(ctx, arg(args, 0))?;
    start(ctx, e, true, false, flags::for_new(ctx))
}
/// `spawn_link/3`.
pub fn spawn_link3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = mfa_entry(ctx, args)?;
    start(ctx, e, true, false, flags::for_new(ctx))
}
/// `spawn_monitor/1`.
pub fn spawn_monitor1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = fun_entry(ctx, arg(args, 0))?;
    start(ctx, e, false, true, flags::for_new(ctx))
}
/// `spawn_monitor/3`.
pub fn spawn_monitor3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let e = mfa_entry(ctx, args)?;
    start(ctx, e, false, true, flags::for_new(ctx))
}

/// `erlang:send/2`, `!`.
pub fn send(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (dest, msg) = (arg(args, 0), arg(args, 1));
    let to = ctx
        .vm
        .destination(&ctx.proc.heap.mem(&ctx.vm.literals), dest);
    match to {
        Destination::Process(pid) if pid == ctx.proc.pid => ctx.proc.mailbox.push(msg),
        Destination::Process(pid) => {
            ctx.vm.deliver(pid, msg, &ctx.proc.heap);
        }
        Destination::Port(port) => crate::io::port::message(ctx, port, msg)?,
        Destination::Nowhere => {}
        Destination::Invalid => return Err(Exception::badarg()),
    }
    Ok(msg)
}

/// `erlang:send/3` (options like `noconnect` and `nosuspend` change nothing locally).
pub fn send3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    send(ctx, &args[..2])?;
    Ok(atoms::ok)
}

/// `link/1`.
pub fn link(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if arg(args, 0).as_port().is_some() {
        return crate::io::port::link(ctx, arg(args, 0));
    }
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    let me = ctx.proc.pid;
    match ctx.vm.procs.get_mut(pid as usize) {
        Some(Some(p)) => {
            p.links.insert(me);
            ctx.proc.links.insert(pid);
            Ok(atoms::true_)
        }
        _ if pid == me => Ok(atoms::true_),
        _ => {
            if ctx.proc.trap_exit {
                let msg = ctx
                    .heap()
                    .tuple(&[atoms::EXIT, Term::pid(pid), atoms::noproc]);
                ctx.proc.mailbox.push(msg);
                Ok(atoms::true_)
            } else {
                Err(Exception::error(atoms::noproc))
            }
        }
    }
}

/// `unlink/1`.
pub fn unlink(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if arg(args, 0).as_port().is_some() {
        return crate::io::port::unlink(ctx, arg(args, 0));
    }
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    ctx.proc.links.remove(&pid);
    if let Some(Some(p)) = ctx.vm.procs.get_mut(pid as usize) {
        p.links.remove(&ctx.proc.pid);
    }
    Ok(atoms::true_)
}

/// `monitor/2` (`process` monitors).
pub fn monitor(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if arg(args, 0) == atoms::port {
        // In device mode AtomVM's drivers are processes (`open_port/2` gives a pid).
        if let Some(pid) = arg(args, 1).as_pid() {
            if ctx.vm.code_path.device_release.is_some() {
                return Ok(add_monitor_of_kind(ctx, pid, arg(args, 1), true));
            }
        }
        return crate::io::port::monitor(ctx, arg(args, 1));
    }
    check(arg(args, 0) == atoms::process)?;
    let mut target = arg(args, 1);
    if let Some([name, node]) = ctx.mem().tuple(target) {
        check(name.as_atom().is_some() && *node == atoms::nonode_nohost)?;
        target = *name;
    }
    if target.as_atom().is_some() {
        let who = ctx.heap().tuple(&[target, atoms::nonode_nohost]);
        let pid = ctx.vm.whereis(target).unwrap_or(u32::MAX);
        return Ok(add_monitor_as(ctx, pid, who));
    }
    let pid = target.as_pid().ok_or_else(Exception::badarg)?;
    Ok(add_monitor(ctx, pid))
}

/// `monitor/3`: as `monitor/2`; `{alias, _}` makes the reference an alias of the
/// caller (gen_server calls reply through it).
pub fn monitor3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let options = ctx
        .mem()
        .list_elements(arg(args, 2))
        .ok_or_else(Exception::badarg)?;
    let alias = options.iter().any(|o| {
        matches!(ctx.mem().tuple(*o), Some([k, _]) if k.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("alias"))
    });
    let reference = monitor(ctx, &args[..2])?;
    if alias {
        if let Some((_, [id])) = ctx.mem().boxed(reference) {
            let id = id.0;
            ctx.vm.aliases.insert(id, ctx.proc.pid);
        }
    }
    Ok(reference)
}

/// `alias/0,1`: a new reference that is an alias of the caller.
pub fn alias(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let id = ctx.vm.fresh_id();
    ctx.vm.aliases.insert(id, ctx.proc.pid);
    Ok(ctx.heap().reference(id))
}

/// `unalias/1`.
pub fn unalias(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = match ctx.mem().boxed(arg(args, 0)) {
        Some((h, [id])) if h.kind == HeaderKind::Ref => id.0,
        _ => return Err(Exception::badarg()),
    };
    Ok(boolean(ctx.vm.aliases.remove(&id).is_some()))
}

/// `demonitor/1,2`.
pub fn demonitor(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = match ctx.mem().boxed(arg(args, 0)) {
        Some((h, [id])) if h.kind == HeaderKind::Ref => id.0,
        _ => return Err(Exception::badarg()),
    };
    ctx.vm.aliases.remove(&id);
    let (mut flush, mut info) = (false, false);
    if let Some(opts) = args.get(1) {
        let items = ctx
            .mem()
            .list_elements(*opts)
            .ok_or_else(Exception::badarg)?;
        for item in items {
            match item.as_atom().map(|a| ctx.vm.atoms.name(a)) {
                Some("flush") => flush = true,
                Some("info") => info = true,
                _ => return Err(Exception::badarg()),
            }
        }
    }
    let found = match ctx.proc.monitors.iter().position(|m| m.reference == id) {
        Some(i) => {
            let m = ctx.proc.monitors.remove(i);
            if let Some(Some(p)) = ctx.vm.procs.get_mut(m.pid as usize) {
                p.monitored_by.retain(|w| w.reference != id);
            }
            // A monitor whose process has exited has fired: its 'DOWN' is sent.
            !ctx.vm.exited.get(m.pid as usize).copied().unwrap_or(true)
        }
        None => ctx.vm.io.demonitor_port(id),
    };
    // With [flush], drop a 'DOWN' message for it that may already be queued.
    if flush {
        let mem = ctx.proc.heap.mem(&ctx.vm.literals);
        let is_down = |t: &Term| match mem.tuple(*t) {
            Some([tag, r, ..]) if *tag == atoms::DOWN => {
                matches!(mem.boxed(*r), Some((_, [rid])) if rid.0 == id)
            }
            _ => false,
        };
        let keep: Vec<Term> = ctx
            .proc
            .mailbox
            .iter()
            .copied()
            .filter(|t| !is_down(t))
            .collect();
        ctx.proc.mailbox = keep;
    }
    Ok(boolean(!info || found))
}

/// `process_flag/2` (`trap_exit`; other flags are accepted and ignored).
pub fn process_flag(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (flag, value) = (arg(args, 0), arg(args, 1));
    if let Some(t) = ctx.mem().tuple(flag) {
        // `{monitor_nodes, Opts}` (what net_kernel:monitor_nodes/1,2 sets): the count of
        // such subscriptions before. This node is not distributed, so no node ever
        // comes up or goes down and there is nothing to deliver.
        let (tag, opts) = match t {
            [tag, opts] => (*tag, *opts),
            _ => return Err(Exception::badarg()),
        };
        let is_monitor_nodes = tag.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("monitor_nodes")
            && ctx.mem().kind(opts) == Some(crate::term::HeaderKind::Map);
        check(is_monitor_nodes && (value == atoms::true_ || value == atoms::false_))?;
        return Ok(ctx.heap().int(0));
    }
    let name = flag
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    if name == "monitor_nodes" {
        // What net_kernel:monitor_nodes/1 sets: the count before (see the tuple form).
        check(value == atoms::true_ || value == atoms::false_)?;
        return Ok(ctx.heap().int(0));
    }
    if name == "trap_exit" {
        check(value == atoms::true_ || value == atoms::false_)?;
        let old = ctx.proc.trap_exit;
        ctx.proc.trap_exit = value == atoms::true_;
        return Ok(boolean(old));
    }
    let mut flags = flags::get(ctx, ctx.proc.pid);
    let old = match name.as_str() {
        "priority" => {
            let p = value
                .as_atom()
                .filter(|a| flags::PRIORITIES.contains(&ctx.vm.atoms.name(*a)))
                .ok_or_else(Exception::badarg)?;
            let old = ctx.atom(flags.priority);
            flags.priority = flags::PRIORITIES
                .iter()
                .copied()
                .find(|n| *n == ctx.vm.atoms.name(p))
                .unwrap_or("normal");
            old
        }
        "min_heap_size" | "min_bin_vheap_size" => {
            let v = value
                .as_small()
                .filter(|v| *v >= 0)
                .ok_or_else(Exception::badarg)?;
            let slot = if name == "min_heap_size" {
                &mut flags.min_heap_size
            } else {
                &mut flags.min_bin_vheap_size
            };
            let old = *slot;
            let min = if name == "min_heap_size" {
                flags::MIN_HEAP_SIZE
            } else {
                flags::MIN_BIN_VHEAP_SIZE
            };
            *slot = if v <= min {
                min
            } else {
                flags::next_heap_size(v)
            };
            ctx.heap().int(old)
        }
        "max_heap_size" => {
            let new = flags::parse_max_heap_size(ctx, value)?;
            check(new.0 == 0 || new.0 >= flags.min_heap_size)?;
            let old = flags::max_heap_size_map(ctx, flags.max_heap_size);
            flags.max_heap_size = new;
            old
        }
        "message_queue_data" => {
            let off = match value.as_atom().map(|a| ctx.vm.atoms.name(a)) {
                Some("off_heap") => true,
                Some("on_heap") => false,
                _ => return Err(Exception::badarg()),
            };
            let old = ctx.atom(if flags.off_heap {
                "off_heap"
            } else {
                "on_heap"
            });
            flags.off_heap = off;
            old
        }
        "save_calls" => {
            let v = value
                .as_small()
                .filter(|v| (0..=10000).contains(v))
                .ok_or_else(Exception::badarg)?;
            let old = ctx.heap().int(flags.save_calls);
            flags.save_calls = v;
            old
        }
        // OTP 25.3+ (what global:init/1 of OTP 26+ sets); the distribution it
        // concerns is not there. OTP 25 as released in Debian (25.2) has no such flag.
        "async_dist" if crate::release::get() >= 26 => {
            check(value == atoms::true_ || value == atoms::false_)?;
            let old = boolean(flags.async_dist);
            flags.async_dist = value == atoms::true_;
            old
        }
        "sensitive" => {
            check(value == atoms::true_ || value == atoms::false_)?;
            let old = boolean(flags.sensitive);
            flags.sensitive = value == atoms::true_;
            old
        }
        "error_handler" => {
            let a = value.as_atom().ok_or_else(Exception::badarg)?;
            let old = flags
                .error_handler
                .map_or_else(|| ctx.atom("error_handler"), Term::atom);
            flags.error_handler = Some(a);
            old
        }
        "fullsweep_after" => {
            let v = value
                .as_small()
                .filter(|v| *v >= 0)
                .ok_or_else(Exception::badarg)?;
            let old = ctx.heap().int(flags.fullsweep_after);
            flags.fullsweep_after = v;
            old
        }
        _ => return Err(Exception::badarg()),
    };
    flags::set(ctx, ctx.proc.pid, flags);
    Ok(old)
}

/// Process flags other than `trap_exit` (which lives in the process): values that
/// only `process_flag/2` and `process_info/2` observe, kept in a side table by VM
/// and pid (pids are never reused).
pub(crate) mod flags {
    use crate::interp::{Context, Exception};
    use crate::term::Term;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::time::Instant;

    pub const PRIORITIES: [&str; 4] = ["low", "normal", "high", "max"];
    pub const MIN_HEAP_SIZE: i64 = 233;
    pub const MIN_BIN_VHEAP_SIZE: i64 = 46422;

    #[derive(Clone, Copy)]
    pub struct Flags {
        pub priority: &'static str,
        pub min_heap_size: i64,
        pub min_bin_vheap_size: i64,
        /// Size, kill, error_logger.
        pub max_heap_size: (i64, bool, bool),
        pub off_heap: bool,
        pub save_calls: i64,
        pub sensitive: bool,
        pub async_dist: bool,
        pub error_handler: Option<u32>,
        pub fullsweep_after: i64,
    }

    impl Default for Flags {
        fn default() -> Self {
            Flags {
                priority: "normal",
                min_heap_size: MIN_HEAP_SIZE,
                min_bin_vheap_size: MIN_BIN_VHEAP_SIZE,
                max_heap_size: (0, true, true),
                off_heap: false,
                save_calls: 0,
                sensitive: false,
                async_dist: false,
                error_handler: None,
                fullsweep_after: 65535,
            }
        }
    }

    thread_local! {
        static TABLE: RefCell<HashMap<(Instant, u32), Flags>> = RefCell::new(HashMap::new());
    }

    /// The flags a new process starts with: the defaults `system_flag/2` set.
    pub fn for_new(ctx: &Context<'_>) -> Flags {
        Flags {
            min_heap_size: ctx.vm.flags.min_heap_size,
            min_bin_vheap_size: ctx.vm.flags.min_bin_vheap_size,
            fullsweep_after: ctx.vm.flags.fullsweep_after,
            ..Flags::default()
        }
    }

    /// The flags of `pid`.
    pub fn get(ctx: &Context<'_>, pid: u32) -> Flags {
        let key = (ctx.vm.started, pid);
        TABLE.with(|t| t.borrow().get(&key).copied().unwrap_or_default())
    }

    /// Sets the flags of `pid`.
    pub fn set(ctx: &Context<'_>, pid: u32, flags: Flags) {
        let key = (ctx.vm.started, pid);
        TABLE.with(|t| t.borrow_mut().insert(key, flags));
    }

    /// BEAM's heap size series (`erts_next_heap_size`): the first size `>= want`.
    pub fn next_heap_size(want: i64) -> i64 {
        let (mut a, mut b) = (12i64, 38i64);
        let mut n = 2;
        while a < want {
            let next = if n < 23 { a + b + 1 } else { b + b / 5 };
            a = b;
            b = next;
            n += 1;
        }
        a
    }

    /// A `max_heap_size` value: a size or a map of `size`, `kill`, `error_logger`.
    pub fn parse_max_heap_size(
        ctx: &mut Context<'_>,
        value: Term,
    ) -> Result<(i64, bool, bool), Exception> {
        if let Some(v) = value.as_small() {
            return if v >= 0 {
                Ok((v, true, true))
            } else {
                Err(Exception::badarg())
            };
        }
        let mem = ctx.mem();
        let (keys, values) = mem.map(value).ok_or_else(Exception::badarg)?;
        let mut out = (0, true, true);
        for (k, v) in keys.iter().zip(values.iter()) {
            let name = k.as_atom().map(|a| ctx.vm.atoms.name(a));
            let flag = || match *v {
                t if t == crate::atom::atoms::true_ => Ok(true),
                t if t == crate::atom::atoms::false_ => Ok(false),
                _ => Err(Exception::badarg()),
            };
            match name {
                Some("size") => {
                    out.0 = v
                        .as_small()
                        .filter(|v| *v >= 0)
                        .ok_or_else(Exception::badarg)?
                }
                Some("kill") => out.1 = flag()?,
                Some("error_logger") => out.2 = flag()?,
                _ => return Err(Exception::badarg()),
            }
        }
        Ok(out)
    }

    /// `#{error_logger => E, kill => K, size => S}`.
    pub fn max_heap_size_map(ctx: &mut Context<'_>, (size, kill, log): (i64, bool, bool)) -> Term {
        let keys = [ctx.atom("error_logger"), ctx.atom("kill"), ctx.atom("size")];
        let size = ctx.heap().int(size);
        let values = [super::boolean(log), super::boolean(kill), size];
        // Atoms order by name: the keys are sorted.
        ctx.heap().map_sorted(&keys, &values)
    }
}

/// `register/2`: a name for a process or a port, which has at most one.
pub fn register(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    check(
        arg(args, 0) != atoms::undefined
            && !ctx.vm.registry.contains_key(&name)
            && !ctx.vm.io.port_names.contains_key(&name),
    )?;
    if let Some(port) = arg(args, 1).as_port() {
        return crate::io::port::register(ctx, name, port);
    }
    let pid = arg(args, 1).as_pid().ok_or_else(Exception::badarg)?;
    let alive = pid == ctx.proc.pid || matches!(ctx.vm.procs.get(pid as usize), Some(Some(_)));
    check(alive)?;
    // A process has at most one registered name.
    if ctx.vm.registry.values().any(|p| *p == pid) {
        return Err(Exception::badarg_cause("registered_name"));
    }
    ctx.vm.registry.insert(name, pid);
    if pid == ctx.proc.pid {
        ctx.proc.name = Some(name);
    } else if let Some(Some(p)) = ctx.vm.procs.get_mut(pid as usize) {
        p.name = Some(name);
    }
    Ok(atoms::true_)
}

/// `unregister/1`.
pub fn unregister(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    if let Some(port) = ctx.vm.io.port_names.remove(&name) {
        if let Some(p) = ctx.vm.io.ports.get_mut(&port) {
            p.name = None;
        }
        return Ok(atoms::true_);
    }
    let pid = ctx
        .vm
        .registry
        .remove(&name)
        .ok_or_else(Exception::badarg)?;
    if pid == ctx.proc.pid {
        ctx.proc.name = None;
    } else if let Some(Some(p)) = ctx.vm.procs.get_mut(pid as usize) {
        p.name = None;
    }
    Ok(atoms::true_)
}

/// `whereis/1`.
pub fn whereis(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    if let Some(port) = ctx.vm.io.port_names.get(&name) {
        return Ok(Term::port(*port));
    }
    Ok(ctx
        .vm
        .registry
        .get(&name)
        .map_or(atoms::undefined, |p| Term::pid(*p)))
}

/// `is_process_alive/1`.
pub fn is_process_alive(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    Ok(boolean(
        pid == ctx.proc.pid || !ctx.vm.exited.get(pid as usize).copied().unwrap_or(true),
    ))
}

fn dict_index(ctx: &Context<'_>, key: Term) -> Option<usize> {
    let mem = ctx.mem();
    (0..ctx.proc.dict.len() / 2).find(|i| {
        let k = ctx.proc.dict[i * 2];
        k == key
            || crate::compare::compare(&mem, &ctx.vm.atoms, k, key, true)
                == std::cmp::Ordering::Equal
    })
}

/// `put/2`.
pub fn put(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (key, value) = (arg(args, 0), arg(args, 1));
    match dict_index(ctx, key) {
        Some(i) => Ok(std::mem::replace(&mut ctx.proc.dict[i * 2 + 1], value)),
        None => {
            ctx.proc.dict.extend_from_slice(&[key, value]);
            Ok(atoms::undefined)
        }
    }
}

/// `get/1`.
pub fn get(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(dict_index(ctx, arg(args, 0)).map_or(atoms::undefined, |i| ctx.proc.dict[i * 2 + 1]))
}

/// `get/0`.
pub fn get_all(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let pairs: Vec<Term> = ctx.proc.dict.clone();
    let tuples: Vec<Term> = pairs.chunks(2).map(|p| ctx.heap().tuple(p)).collect();
    Ok(ctx.heap().list(&tuples))
}

/// `erase/1`.
pub fn erase(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match dict_index(ctx, arg(args, 0)) {
        Some(i) => {
            let v = ctx.proc.dict[i * 2 + 1];
            ctx.proc.dict.drain(i * 2..i * 2 + 2);
            Ok(v)
        }
        None => Ok(atoms::undefined),
    }
}

/// `exit/1`.
pub fn exit1(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::exit(arg(args, 0)))
}

/// `exit/3` (OTP 29): `exit/2` with an option list (no option changes a local
/// signal).
pub fn exit3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    ctx.mem()
        .list_elements(arg(args, 2))
        .ok_or_else(Exception::badarg)?;
    exit2(ctx, &args[..2])
}

/// `exit_signal/2,3` (OTP 29): an exit signal as any other process would receive it;
/// unlike `exit/2`, `normal` sent to oneself is ignored unless exits are trapped.
pub fn exit_signal(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if let Some(opts) = args.get(2) {
        ctx.mem()
            .list_elements(*opts)
            .ok_or_else(Exception::badarg)?;
    }
    let to_self = arg(args, 0).as_pid() == Some(ctx.proc.pid);
    if to_self && arg(args, 1) == atoms::normal && !ctx.proc.trap_exit {
        return Ok(atoms::true_);
    }
    exit2(ctx, &args[..2])
}

/// `exit/2`: an exit signal to another process (or to itself).
pub fn exit2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if arg(args, 0).as_port().is_some() {
        return crate::io::port::exit(ctx, arg(args, 0), arg(args, 1));
    }
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    let reason = arg(args, 1);
    if pid == ctx.proc.pid {
        if reason == atoms::kill {
            ctx.proc.status = crate::process::Status::Exited;
            return Ok(atoms::killed);
        }
        if ctx.proc.trap_exit {
            let msg = ctx.heap().tuple(&[atoms::EXIT, Term::pid(pid), reason]);
            ctx.proc.mailbox.push(msg);
        } else {
            // Even `normal` ends the process when it signals itself.
            ctx.proc.status = crate::process::Status::Exited;
            return Ok(reason);
        }
        return Ok(atoms::true_);
    }
    let me = ctx.proc.pid;
    let target_dies = match ctx.vm.procs.get(pid as usize) {
        Some(Some(t)) => reason == atoms::kill || (!t.trap_exit && reason != atoms::normal),
        _ => false,
    };
    if !(target_dies && ctx.proc.trap_exit && ctx.proc.links.contains(&pid)) {
        // Without trap_exit, the exit signal of a linked target back to this
        // (running) process is not delivered: BEAM would act on it only at a later
        // scheduling point, which a native function cannot arrange.
        ctx.vm.signal_exit(pid, me, reason, &ctx.proc.heap);
        return Ok(atoms::true_);
    }
    // The target dies and is linked to this process, which traps exits and is
    // running (so not in the process table): the 'EXIT' message is queued here.
    if let Some(Some(t)) = ctx.vm.procs.get_mut(pid as usize) {
        t.links.remove(&me);
    }
    ctx.proc.links.remove(&pid);
    ctx.vm.signal_exit(pid, me, reason, &ctx.proc.heap);
    let reason = if reason == atoms::kill {
        atoms::killed
    } else {
        reason
    };
    let msg = ctx.heap().tuple(&[atoms::EXIT, Term::pid(pid), reason]);
    ctx.proc.mailbox.push(msg);
    Ok(atoms::true_)
}

/// `error/1`.
pub fn error1(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::error(arg(args, 0)))
}

/// `error/2,3`: the arguments go into the stack trace.
pub fn error2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut e = Exception::error(arg(args, 0));
    // The arguments replace the arity in the first frame (`none`: they do not).
    let given = arg(args, 1);
    if given != atoms::none && ctx.mem().list_elements(given).is_some() {
        e.args = given;
    }
    // `error/3`: an `{error_info, Map}` option goes into the first frame's location.
    if let Some(options) = args.get(2).and_then(|o| ctx.mem().list_elements(*o)) {
        e.error_info = options
            .into_iter()
            .find(|o| matches!(ctx.mem().tuple(*o), Some([k, _]) if *k == atoms::error_info))
            .unwrap_or(Term::NONE);
    }
    Err(e)
}

/// `throw/1`.
pub fn throw(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::throw(arg(args, 0)))
}

/// `halt/0,1`.
pub fn halt(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let _ = ctx.vm.out.flush();
    let status = args.first().and_then(|t| t.as_small()).unwrap_or(0);
    std::process::exit(i32::try_from(status).unwrap_or(1));
}

fn timer(ctx: &mut Context<'_>, args: &[Term], wrap: bool) -> Result<Term, Exception> {
    let ms = arg(args, 0)
        .as_small()
        .filter(|v| *v >= 0)
        .ok_or_else(Exception::badarg)? as u64;
    let to = arg(args, 1);
    check(to.as_pid().is_some() || to.as_atom().is_some())?;
    let id = ctx.vm.fresh_id();
    let mut heap = Heap::default();
    let message = if wrap {
        let r = heap.reference(id);
        let m = copy_term(&ctx.proc.heap, arg(args, 2), &mut heap);
        heap.tuple(&[atoms::timeout, r, m])
    } else {
        copy_term(&ctx.proc.heap, arg(args, 2), &mut heap)
    };
    ctx.vm
        .start_timer_with_id(id, ms, TimerAction::Send { to, heap, message });
    Ok(ctx.heap().reference(id))
}

/// `erlang:send_after/4` and `start_timer/4`: options `[{abs, Bool}]`; an absolute
/// time is in `erlang:monotonic_time(millisecond)`.
fn timer4(ctx: &mut Context<'_>, args: &[Term], wrap: bool) -> Result<Term, Exception> {
    let options = ctx
        .mem()
        .list_elements(arg(args, 3))
        .ok_or_else(Exception::badarg)?;
    let mut absolute = false;
    for o in options {
        match ctx.mem().tuple(o) {
            Some([k, v]) if k.as_atom().is_some_and(|a| ctx.vm.atoms.name(a) == "abs") => {
                absolute = *v == atoms::true_;
            }
            _ => return Err(Exception::badarg()),
        }
    }
    let mut args3 = [arg(args, 0), arg(args, 1), arg(args, 2)];
    if absolute {
        let at = args3[0].as_small().ok_or_else(Exception::badarg)?;
        let now_ns = ctx.vm.started.elapsed().as_nanos() as i128 - 576_460_752_303_423_488 / 2;
        let now_ms = now_ns.div_euclid(1_000_000) as i64;
        args3[0] = ctx.heap().int((at - now_ms).max(0));
    }
    timer(ctx, &args3, wrap)
}

/// `erlang:send_after/4`.
pub fn send_after4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    timer4(ctx, args, false)
}

/// `erlang:start_timer/4`.
pub fn start_timer4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    timer4(ctx, args, true)
}

/// `erlang:nodes/0,1`: no distribution, so no other nodes.
pub fn nodes(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::NIL)
}

/// `erlang:send_after/3`.
pub fn send_after(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    timer(ctx, args, false)
}

/// `erlang:start_timer/3`.
pub fn start_timer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    timer(ctx, args, true)
}

/// `erlang:cancel_timer/1`: the time left in ms, or `false`.
pub fn cancel_timer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = timer_ref(ctx, arg(args, 0))?;
    let (asynchronous, info) = timer_options(ctx, args.get(1).copied())?;
    let result = match ctx.vm.timers.remove(&id) {
        Some((deadline, _)) => {
            let left = deadline.saturating_sub(ctx.vm.now_ms() + 1);
            ctx.heap().int(left as i64)
        }
        None => atoms::false_,
    };
    timer_result(
        ctx,
        "cancel_timer",
        arg(args, 0),
        result,
        asynchronous,
        info,
    )
}

/// The timer id of a reference.
fn timer_ref(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    match ctx.mem().boxed(t) {
        Some((h, [id])) if h.kind == HeaderKind::Ref => Ok(id.0),
        _ => Err(Exception::badarg()),
    }
}

/// The `{async, Bool}` and `{info, Bool}` options of `cancel_timer/2`, `read_timer/2`.
fn timer_options(ctx: &Context<'_>, opts: Option<Term>) -> Result<(bool, bool), Exception> {
    let (mut asynchronous, mut info) = (false, true);
    let Some(opts) = opts else {
        return Ok((asynchronous, info));
    };
    let mem = ctx.mem();
    let items = mem.list_elements(opts).ok_or_else(Exception::badarg)?;
    for item in items {
        let Some([key, value]) = mem.tuple(item) else {
            return Err(Exception::badarg());
        };
        check(*value == atoms::true_ || *value == atoms::false_)?;
        let on = *value == atoms::true_;
        match key.as_atom().map(|a| ctx.vm.atoms.name(a)) {
            Some("async") => asynchronous = on,
            Some("info") => info = on,
            _ => return Err(Exception::badarg()),
        }
    }
    Ok((asynchronous, info))
}

/// What a timer BIF returns: the result, or `ok` when asynchronous (the result then
/// comes as a message `{Tag, TRef, Result}`) or without info.
fn timer_result(
    ctx: &mut Context<'_>,
    tag: &str,
    tref: Term,
    result: Term,
    asynchronous: bool,
    info: bool,
) -> Result<Term, Exception> {
    if !asynchronous {
        return Ok(if info { result } else { atoms::ok });
    }
    if info {
        let tag = ctx.atom(tag);
        let msg = ctx.heap().tuple(&[tag, tref, result]);
        ctx.proc.mailbox.push(msg);
    }
    Ok(atoms::ok)
}

/// `group_leader/0`.
pub fn group_leader(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(ctx.proc.group_leader)
}

/// `erlang:processes/0`: every live process, in creation order.
pub fn processes(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let me = ctx.proc.pid;
    let pids: Vec<Term> = (0..ctx.vm.procs.len() as u32)
        .filter(|p| *p == me || matches!(ctx.vm.procs.get(*p as usize), Some(Some(_))))
        .map(Term::pid)
        .collect();
    Ok(ctx.heap().list(&pids))
}

/// `code:where_is_file/1`: the path of a file in the library directories, or
/// `non_existing`.
pub fn where_is_file(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    match ctx.vm.code_path.where_is(&name) {
        Some(path) => Ok(super::convert::chars(ctx, &path.to_string_lossy())),
        None => Ok(ctx.atom("non_existing")),
    }
}

/// `erlang:group_leader/2`: sets `Pid`'s group leader (local pids only).
pub fn set_group_leader(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let leader = arg(args, 0);
    let pid = arg(args, 1).as_pid().ok_or_else(Exception::badarg)?;
    check(leader.as_pid().is_some())?;
    if pid == ctx.proc.pid {
        ctx.proc.group_leader = leader;
    } else {
        match ctx.vm.procs.get_mut(pid as usize) {
            Some(Some(p)) => p.group_leader = leader,
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(atoms::true_)
}

/// `erlang:get_module_info/1,2` (what `Mod:module_info/0,1` call): the module's
/// name, exports (in its export table's order), attributes and compile information
/// (from its `Attr` and `CInf` chunks), MD5, functions (in code order), `nifs` and
/// `native`; `badarg` for another key.
pub fn module_info(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let index = ctx.vm.module_index(name).ok_or_else(Exception::badarg)?;
    let module = ctx.vm.modules[index as usize].clone();
    let Some(key) = args.get(1) else {
        let mut items = Vec::new();
        for key in ["module", "exports", "attributes", "compile", "md5"] {
            let value = module_info_item(ctx, &module, arg(args, 0), key)?;
            let key = ctx.atom(key);
            items.push(ctx.heap().tuple(&[key, value]));
        }
        return Ok(ctx.heap().list(&items));
    };
    let key = key
        .as_atom()
        .map(|k| ctx.vm.atoms.name(k).to_owned())
        .ok_or_else(Exception::badarg)?;
    module_info_item(ctx, &module, arg(args, 0), &key)
}

fn module_info_item(
    ctx: &mut Context<'_>,
    module: &crate::module::Module,
    name: Term,
    key: &str,
) -> Result<Term, Exception> {
    let pairs = |ctx: &mut Context<'_>, fs: &[(u32, u8)]| {
        let items: Vec<Term> = fs
            .iter()
            .map(|(f, a)| {
                let arity = Term::small(i64::from(*a)).unwrap_or(Term::NIL);
                ctx.heap().tuple(&[Term::atom(*f), arity])
            })
            .collect();
        ctx.heap().list(&items)
    };
    let chunk_term = |ctx: &mut Context<'_>, bytes: &[u8]| {
        if bytes.is_empty() {
            Ok(Term::NIL)
        } else {
            super::etf::decode(ctx, bytes)
        }
    };
    match key {
        "module" => Ok(name),
        // The BEAM lists them last to first.
        "exports" => {
            let fs: Vec<(u32, u8)> = module.info.export_order.iter().rev().copied().collect();
            Ok(pairs(ctx, &fs))
        }
        "functions" => {
            let fs: Vec<(u32, u8)> = module.functions.iter().map(|f| (f.name, f.arity)).collect();
            Ok(pairs(ctx, &fs))
        }
        "attributes" => chunk_term(ctx, &module.info.attributes),
        "compile" => chunk_term(ctx, &module.info.compile),
        "md5" => Ok(ctx.heap().binary(&module.info.md5)),
        "nifs" => Ok(Term::NIL),
        "native" => Ok(atoms::false_),
        _ => Err(Exception::badarg()),
    }
}

/// `erlang:function_exported/3`.
pub fn function_exported(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (m, f) = (arg(args, 0).as_atom(), arg(args, 1).as_atom());
    let a = arg(args, 2).as_small().and_then(|a| u8::try_from(a).ok());
    let (Some(m), Some(f), Some(a)) = (m, f, a) else {
        return Err(Exception::badarg());
    };
    let exported = ctx
        .vm
        .by_name
        .get(&m)
        .and_then(|i| ctx.vm.modules.get(*i as usize))
        .is_some_and(|md| md.exports.contains_key(&(f, a)));
    let native = super::lookup(ctx.vm.atoms.name(m), ctx.vm.atoms.name(f), a).is_some();
    Ok(boolean(exported || native))
}

/// `erlang:nif_error/1,2`: reached only when a NIF stub runs because this VM has no
/// native implementation for it.
pub fn nif_error(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Err(Exception::error(atoms::undef))
}

/// Always `true` (e.g. `net_kernel:dflag_unicode_io/1`: every local io server is modern).
pub fn true_(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::true_)
}

/// `erlang:raise/3`: re-raises with a given stack trace; a bad class returns `badarg`.
pub fn raise(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (class, reason, trace) = (arg(args, 0), arg(args, 1), arg(args, 2));
    if class != atoms::error && class != atoms::exit && class != atoms::throw {
        return Ok(atoms::badarg);
    }
    let list = if ctx.mem().list_elements(trace).is_some() {
        trace
    } else {
        Term::NIL
    };
    let raw = ctx.heap().tuple(&[atoms::raw_trace, class, list]);
    Err(Exception {
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

/// `process_info/1,2` for the keys programs use most.
pub fn process_info(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    if pid != ctx.proc.pid && !matches!(ctx.vm.procs.get(pid as usize), Some(Some(_))) {
        // A dead process: `undefined`, whatever was asked.
        return Ok(atoms::undefined);
    }
    if args.len() == 1 {
        let keys = [
            "registered_name",
            "status",
            "message_queue_len",
            "links",
            "dictionary",
            "trap_exit",
        ];
        let mut items = Vec::new();
        for key in keys {
            let k = ctx.atom(key);
            let v = info_item(ctx, pid, k, false)?;
            if v != Term::NIL || key != "registered_name" {
                items.push(v);
            }
        }
        return Ok(ctx.heap().list(&items));
    }
    let key = arg(args, 1);
    if let Some(keys) = ctx.mem().list_elements(key) {
        let items = keys
            .iter()
            .map(|k| info_item(ctx, pid, *k, true))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(ctx.heap().list(&items));
    }
    info_item(ctx, pid, key, false)
}

/// `{{dictionary, Key}, Value}` (OTP 26): one entry of a process's dictionary,
/// `undefined` when it has none.
fn dictionary_item(
    ctx: &mut Context<'_>,
    pid: u32,
    item: Term,
    key: Term,
) -> Result<Term, Exception> {
    let dict: Vec<Term> = if pid == ctx.proc.pid {
        ctx.proc.dict.clone()
    } else {
        let Some(Some(p)) = ctx.vm.procs.get(pid as usize) else {
            return Ok(atoms::undefined);
        };
        p.dict
            .iter()
            .map(|t| crate::heap::gc::copy_term(&p.heap, *t, &mut ctx.proc.heap))
            .collect()
    };
    let value = dict
        .chunks(2)
        .find(|pair| {
            pair.first().is_some_and(|k| {
                crate::compare::compare(&ctx.mem(), &ctx.vm.atoms, *k, key, true)
                    == std::cmp::Ordering::Equal
            })
        })
        .and_then(|pair| pair.get(1).copied())
        .unwrap_or(atoms::undefined);
    Ok(ctx.heap().tuple(&[item, value]))
}

/// One `process_info` item, `{Key, Value}`. Alone (`in_list` false), an unregistered
/// process's `registered_name` is `[]` rather than a tuple, as in the BEAM.
fn info_item(ctx: &mut Context<'_>, pid: u32, key: Term, in_list: bool) -> Result<Term, Exception> {
    if let Some([tag, wanted]) = ctx.mem().tuple(key).map(<[Term]>::to_vec).as_deref() {
        if tag.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("dictionary") {
            return dictionary_item(ctx, pid, key, *wanted);
        }
        return Err(Exception::badarg());
    }
    let name = key
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    if pid != ctx.proc.pid && !matches!(ctx.vm.procs.get(pid as usize), Some(Some(_))) {
        return Ok(atoms::undefined);
    }
    if name == "monitors" || name == "monitored_by" {
        let list: Vec<(u32, Option<u32>)> = {
            let p: &crate::process::Process = if pid == ctx.proc.pid {
                ctx.proc
            } else {
                match ctx.vm.procs.get(pid as usize) {
                    Some(Some(p)) => p,
                    _ => return Ok(atoms::undefined),
                }
            };
            let monitors = if name == "monitors" {
                &p.monitors
            } else {
                &p.monitored_by
            };
            monitors.iter().map(|m| (m.pid, m.name)).collect()
        };
        let items: Vec<Term> = list
            .into_iter()
            .map(|(other, by_name)| {
                if name == "monitored_by" {
                    return Term::pid(other);
                }
                let who = match by_name {
                    Some(n) => ctx.heap().tuple(&[Term::atom(n), atoms::nonode_nohost]),
                    None => Term::pid(other),
                };
                ctx.heap().tuple(&[atoms::process, who])
            })
            .collect();
        let value = ctx.heap().list(&items);
        return Ok(ctx.heap().tuple(&[key, value]));
    }
    let value = {
        let (queue, links, trap, dict, registered, memory) = if pid == ctx.proc.pid {
            let p = &*ctx.proc;
            (
                p.mailbox.len(),
                p.links.iter().copied().collect::<Vec<_>>(),
                p.trap_exit,
                p.dict.clone(),
                p.name,
                (p.memory(), p.heap.words.capacity(), p.stack.len()),
            )
        } else {
            let Some(Some(p)) = ctx.vm.procs.get(pid as usize) else {
                return Ok(atoms::undefined);
            };
            let dict: Vec<Term> = p
                .dict
                .iter()
                .map(|t| crate::heap::gc::copy_term(&p.heap, *t, &mut ctx.proc.heap))
                .collect();
            (
                p.mailbox.len(),
                p.links.iter().copied().collect(),
                p.trap_exit,
                dict,
                p.name,
                (p.memory(), p.heap.words.capacity(), p.stack.len()),
            )
        };
        match name.as_str() {
            "message_queue_len" => ctx.heap().int(queue as i64),
            "links" => {
                let mut pids: Vec<Term> = links.iter().map(|p| Term::pid(*p)).collect();
                pids.extend(crate::io::port::links_of(ctx, pid));
                ctx.heap().list(&pids)
            }
            "trap_exit" => super::boolean(trap),
            "dictionary" => {
                let pairs: Vec<Term> = dict.chunks(2).map(|p| ctx.heap().tuple(p)).collect();
                ctx.heap().list(&pairs)
            }
            "registered_name" => match registered {
                Some(n) => Term::atom(n),
                None if in_list => Term::NIL,
                None => return Ok(Term::NIL),
            },
            "status" => {
                if pid == ctx.proc.pid {
                    ctx.atom("running")
                } else {
                    ctx.atom("waiting")
                }
            }
            "memory" => ctx.heap().int(memory.0 as i64),
            // In words; at least the process's min_heap_size, as the BEAM's heap is.
            "heap_size" | "total_heap_size" => {
                let min = flags::get(ctx, pid).min_heap_size;
                ctx.heap().int((memory.1 as i64).max(min))
            }
            "stack_size" => ctx.heap().int(memory.2 as i64),
            "reductions" => ctx.heap().int(0),
            "group_leader" => match ctx.vm.procs.get(pid as usize) {
                Some(Some(p)) if pid != ctx.proc.pid => p.group_leader,
                _ => ctx.proc.group_leader,
            },
            "current_function" => {
                // Where another process waits (its resume point); the caller itself
                // is in a BIF call.
                let at = match ctx.vm.procs.get(pid as usize) {
                    Some(Some(p)) if p.hibernated => {
                        Some((atoms::erlang, ctx.atom("hibernate"), 3))
                    }
                    Some(Some(p)) => ctx.vm.modules.get(p.resume.module as usize).and_then(|m| {
                        let f = m.function_at(p.resume.ip)?;
                        Some((Term::atom(m.name), Term::atom(f.name), i64::from(f.arity)))
                    }),
                    _ => None,
                };
                let (m, f, a) = at.unwrap_or((atoms::erlang, atoms::apply, 3));
                let a = Term::small(a).unwrap_or(Term::NIL);
                ctx.heap().tuple(&[m, f, a])
            }
            "current_stacktrace" => Term::NIL,
            "messages" => {
                let msgs = if pid == ctx.proc.pid {
                    ctx.proc.mailbox.clone()
                } else {
                    Vec::new()
                };
                ctx.heap().list(&msgs)
            }
            "priority" => {
                let p = flags::get(ctx, pid).priority;
                ctx.atom(p)
            }
            "min_heap_size" => {
                let v = flags::get(ctx, pid).min_heap_size;
                ctx.heap().int(v)
            }
            "min_bin_vheap_size" => {
                let v = flags::get(ctx, pid).min_bin_vheap_size;
                ctx.heap().int(v)
            }
            "max_heap_size" => {
                let v = flags::get(ctx, pid).max_heap_size;
                flags::max_heap_size_map(ctx, v)
            }
            "message_queue_data" => {
                let off = flags::get(ctx, pid).off_heap;
                ctx.atom(if off { "off_heap" } else { "on_heap" })
            }
            "error_handler" => match flags::get(ctx, pid).error_handler {
                Some(a) => Term::atom(a),
                None => ctx.atom("error_handler"),
            },
            _ => return Err(Exception::badarg()),
        }
    };
    Ok(ctx.heap().tuple(&[key, value]))
}

/// `registered/0`.
pub fn registered(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let names: Vec<Term> = ctx
        .vm
        .registry
        .keys()
        .chain(ctx.vm.io.port_names.keys())
        .map(|n| Term::atom(*n))
        .collect();
    Ok(ctx.heap().list(&names))
}

/// `erlang:read_timer/1`: ms left, or `false`.
pub fn read_timer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = timer_ref(ctx, arg(args, 0))?;
    let (asynchronous, _) = timer_options(ctx, args.get(1).copied())?;
    let result = match ctx.vm.timers.get(&id) {
        Some((deadline, _)) => {
            let left = deadline.saturating_sub(ctx.vm.now_ms() + 1);
            ctx.heap().int(left as i64)
        }
        None => atoms::false_,
    };
    timer_result(ctx, "read_timer", arg(args, 0), result, asynchronous, true)
}

/// `spawn_opt` options: `link`, `monitor`, and the process flags it can set
/// (`priority`, `min_heap_size`, `min_bin_vheap_size`, `fullsweep_after`,
/// `message_queue_data`); others are accepted and ignored.
fn spawn_options(ctx: &Context<'_>, opts: Term) -> Result<(bool, bool, flags::Flags), Exception> {
    let mem = ctx.mem();
    let items = mem.list_elements(opts).ok_or_else(Exception::badarg)?;
    let name = |t: Term| t.as_atom().map(|a| ctx.vm.atoms.name(a));
    let mut link = false;
    let mut monitor = false;
    let mut f = flags::for_new(ctx);
    for item in items {
        if let Some(option) = name(item) {
            match option {
                "link" => link = true,
                "monitor" => monitor = true,
                _ => {}
            }
            continue;
        }
        let Some(&[key, value]) = mem.tuple(item) else {
            continue;
        };
        let size = || {
            value
                .as_small()
                .filter(|v| *v >= 0)
                .ok_or_else(Exception::badarg)
        };
        match name(key) {
            Some("min_heap_size") => {
                f.min_heap_size = flags::next_heap_size(size()?.max(flags::MIN_HEAP_SIZE))
            }
            Some("min_bin_vheap_size") => {
                f.min_bin_vheap_size = flags::next_heap_size(size()?.max(flags::MIN_BIN_VHEAP_SIZE))
            }
            Some("fullsweep_after") => f.fullsweep_after = size()?,
            Some("priority") => {
                let wanted = name(value).ok_or_else(Exception::badarg)?;
                f.priority = flags::PRIORITIES
                    .iter()
                    .copied()
                    .find(|p| *p == wanted)
                    .ok_or_else(Exception::badarg)?;
            }
            Some("message_queue_data") => {
                f.off_heap = match name(value) {
                    Some("off_heap") => true,
                    Some("on_heap") => false,
                    _ => return Err(Exception::badarg()),
                }
            }
            _ => {}
        }
    }
    Ok((link, monitor, f))
}

/// `spawn_opt/2`.
pub fn spawn_opt2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (link, monitor, flags) = spawn_options(ctx, arg(args, 1))?;
    let e = fun_entry(ctx, arg(args, 0))?;
    start(ctx, e, link, monitor, flags)
}

/// `spawn_opt/4`.
pub fn spawn_opt4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (link, monitor, flags) = spawn_options(ctx, arg(args, 3))?;
    let e = mfa_entry(ctx, args)?;
    start(ctx, e, link, monitor, flags)
}

/// `get_keys/0,1`.
pub fn get_keys(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let dict = ctx.proc.dict.clone();
    let keys: Vec<Term> = if let Some(value) = args.first() {
        let mem = ctx.mem();
        dict.chunks(2)
            .filter(|p| {
                crate::compare::compare(&mem, &ctx.vm.atoms, p[1], *value, true)
                    == std::cmp::Ordering::Equal
            })
            .map(|p| p[0])
            .collect()
    } else {
        dict.chunks(2).map(|p| p[0]).collect()
    };
    Ok(ctx.heap().list(&keys))
}

/// `erase/0`: returns and clears the whole dictionary.
pub fn erase_all(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let all = get_all(ctx, args)?;
    ctx.proc.dict.clear();
    Ok(all)
}

/// `erlang:module_loaded/1`.
pub fn module_loaded(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    Ok(boolean(ctx.vm.by_name.contains_key(&name)))
}

/// `code:ensure_loaded/1`: loads the module from the code path.
pub fn ensure_loaded(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    Ok(match ctx.vm.module_index(name) {
        Some(_) => ctx.heap().tuple(&[atoms::module, arg(args, 0)]),
        None => {
            let nofile = ctx.atom("nofile");
            ctx.heap().tuple(&[atoms::error, nofile])
        }
    })
}

/// `erlang:is_builtin/3`.
pub fn is_builtin(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (m, f) = (arg(args, 0).as_atom(), arg(args, 1).as_atom());
    let a = arg(args, 2).as_small().and_then(|a| u8::try_from(a).ok());
    let (Some(m), Some(f), Some(a)) = (m, f, a) else {
        return Err(Exception::badarg());
    };
    Ok(boolean(
        super::lookup(ctx.vm.atoms.name(m), ctx.vm.atoms.name(f), a).is_some(),
    ))
}

/// `code:ensure_modules_loaded/1`: loads them all from the code path.
pub fn ensure_modules_loaded(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let names = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let mut missing = Vec::new();
    for name in names {
        let a = name.as_atom().ok_or_else(Exception::badarg)?;
        if ctx.vm.module_index(a).is_none() {
            let nofile = ctx.atom("nofile");
            missing.push(ctx.heap().tuple(&[name, nofile]));
        }
    }
    if missing.is_empty() {
        return Ok(atoms::ok);
    }
    let list = ctx.heap().list(&missing);
    Ok(ctx.heap().tuple(&[atoms::error, list]))
}

/// `code:which/1`: the file a loaded module came from (`preloaded` for this VM's own),
/// else where the code path has `MODULE.beam`, else `non_existing`.
pub fn which(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let text = ctx.vm.atoms.name(name).to_owned();
    match ctx.vm.code_path.file_of(&text) {
        Some(path) => Ok(super::convert::chars(ctx, &path.to_string_lossy())),
        None if ctx.vm.by_name.contains_key(&name) => Ok(ctx.atom("preloaded")),
        None => Ok(ctx.atom("non_existing")),
    }
}

/// `erl_prim_loader:list_dir(Dir)`: `{ok, Names}` or `error` (the primitive loader's
/// file access, which OTP's `code` module uses to search the path).
pub fn prim_list_dir(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let dir = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(atoms::error);
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let items: Vec<Term> = names
        .iter()
        .map(|n| super::convert::chars(ctx, n))
        .collect();
    let list = ctx.heap().list(&items);
    Ok(ctx.heap().tuple(&[atoms::ok, list]))
}

/// `erl_prim_loader:get_file(File)`: `{ok, Bin, FullName}` or `error`.
pub fn prim_get_file(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let file = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let Ok(bytes) = std::fs::read(&file) else {
        return Ok(atoms::error);
    };
    let bin = ctx.heap().binary(&bytes);
    let name = arg(args, 0);
    Ok(ctx.heap().tuple(&[atoms::ok, bin, name]))
}

/// `erlang:loaded/0`: the modules loaded, by name.
pub fn loaded(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let mut names: Vec<u32> = ctx
        .vm
        .modules
        .iter()
        // The VM's own trampoline module has no code of a program's.
        .filter(|m| !m.functions.is_empty())
        .map(|m| m.name)
        .collect();
    names.sort_unstable();
    names.dedup();
    let atoms: Vec<Term> = names.into_iter().map(Term::atom).collect();
    Ok(ctx.heap().list(&atoms))
}

/// `code:is_loaded/1`: `{file, Path}` or `false`.
pub fn is_loaded(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    if !ctx.vm.by_name.contains_key(&name) {
        return Ok(atoms::false_);
    }
    // The file it came from, as the BEAM says; `preloaded` for this VM's own modules.
    let file = match ctx.vm.code_path.file_of(ctx.vm.atoms.name(name)) {
        Some(path) => super::convert::chars(ctx, &path.to_string_lossy()),
        None => ctx.atom("preloaded"),
    };
    Ok(ctx.heap().tuple(&[atoms::file, file]))
}

/// `io:printable_range/0`: `latin1`, the default of an `erl -noshell` node.
pub fn printable_range(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(ctx.atom("latin1"))
}
