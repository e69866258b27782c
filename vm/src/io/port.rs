//! Ports of external programs: `open_port({spawn, Command} | {spawn_executable,
//! Path}, Options)` runs a child process with pipes; what it writes arrives as
//! `{Port, {data, Data}}` (`stream`, `{line, L}` or `{packet, N}` framing, binary or
//! list), then `{Port, eof}` (option `eof`) or the port closes, with
//! `{Port, {exit_status, N}}` first when asked. `port_command/2` writes to the
//! child; `port_close/1` closes the pipes. Monitors (`monitor(port, P)`) get
//! `'DOWN'` when the port closes; the port closes when its owner exits, and an owner
//! that traps exits gets `{'EXIT', Port, normal}` when the program ends. Messages sent
//! to a port (`Port ! {Pid, {command, Data} | close | {connect, NewPid}}`) act as on
//! the BEAM; a port can be registered under a name. (Port drivers do not exist:
//! `{spawn_driver, _}` and the inet drivers are `badarg`.)

use super::terms;
use super::Note;
use crate::atom::atoms;
use crate::heap::Heap;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

type R = Result<Term, Exception>;

/// Poller tokens of ports start here (socket and descriptor ids are far below).
pub const TOKEN_BASE: u64 = 1 << 40;

/// How output is cut into messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Stream,
    Line(usize),
    Packet(usize),
}

/// An open port.
pub struct Port {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Option<ChildStdout>,
    /// The connected process.
    pub owner: u32,
    binary: bool,
    framing: Framing,
    eof: bool,
    exit_status: bool,
    /// Bytes read but not yet a whole line or packet.
    pending: Vec<u8>,
    /// Monitors: reference id and watcher.
    pub monitors: Vec<(u64, u32)>,
    /// The registered name, if any.
    pub name: Option<u32>,
    /// Processes linked to the port besides its owner (`link(Port)`).
    pub linked: Vec<u32>,
    /// Whether the owner is linked (it is from the start; `unlink/1` undoes it).
    owner_linked: bool,
    /// What was opened (`port_info(P, name)`): the command or the executable.
    command: Vec<u8>,
    /// Bytes written to the program and read from it.
    output: u64,
    input: u64,
}

fn badarg() -> Exception {
    Exception::badarg()
}

/// `erlang:open_port/2`.
pub fn open_port(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let name = ctx
        .mem()
        .tuple(args[0])
        .map(<[Term]>::to_vec)
        .ok_or_else(badarg)?;
    let [kind, what] = name[..] else {
        return Err(badarg());
    };
    let kind = kind.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
    let text = |ctx: &Context<'_>, t| super::file::names::name_text(ctx, t).ok_or_else(badarg);
    let command = text(ctx, what)?;
    let mut cmd = match kind.as_deref() {
        Some("spawn") => {
            let line = String::from_utf8(text(ctx, what)?).map_err(|_| badarg())?;
            let mut c = Command::new("/bin/sh");
            c.arg("-c").arg(format!("exec {line}"));
            c
        }
        Some("spawn_executable") => {
            let path = text(ctx, what)?;
            Command::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&path))
        }
        _ => return Err(badarg()),
    };
    let options = ctx.mem().list_elements(args[1]).ok_or_else(badarg)?;
    let (mut binary, mut framing, mut eof, mut exit_status) =
        (false, Framing::Stream, false, false);
    let mut stderr_to_stdout = false;
    // `in` and `out` each ask for one direction; with neither, both.
    let (mut only_in, mut only_out) = (false, false);
    for o in options {
        if let Some(a) = o.as_atom() {
            match ctx.vm.atoms.name(a) {
                "binary" => binary = true,
                "stream" => framing = Framing::Stream,
                "eof" => eof = true,
                "exit_status" => exit_status = true,
                "stderr_to_stdout" => stderr_to_stdout = true,
                "in" => only_in = true,
                "out" => only_out = true,
                "hide" | "use_stdio" | "overlapped_io" => {}
                _ => return Err(badarg()),
            }
            continue;
        }
        let pair = ctx
            .mem()
            .tuple(o)
            .map(<[Term]>::to_vec)
            .ok_or_else(badarg)?;
        let [key, value] = pair[..] else {
            return Err(badarg());
        };
        let key = key
            .as_atom()
            .map(|a| ctx.vm.atoms.name(a).to_owned())
            .unwrap_or_default();
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::process::CommandExt;
        match key.as_str() {
            "line" => framing = Framing::Line(terms::int(ctx, value)? as usize),
            "packet" => {
                let n = terms::int(ctx, value)?;
                framing = match n {
                    1 | 2 | 4 => Framing::Packet(n as usize),
                    _ => return Err(badarg()),
                };
            }
            "args" => {
                for a in ctx.mem().list_elements(value).ok_or_else(badarg)? {
                    cmd.arg(std::ffi::OsStr::from_bytes(&text(ctx, a)?));
                }
            }
            "arg0" => {
                cmd.arg0(std::ffi::OsStr::from_bytes(&text(ctx, value)?));
            }
            "cd" => {
                cmd.current_dir(std::ffi::OsStr::from_bytes(&text(ctx, value)?));
            }
            "env" => {
                for e in ctx.mem().list_elements(value).ok_or_else(badarg)? {
                    let kv = ctx
                        .mem()
                        .tuple(e)
                        .map(<[Term]>::to_vec)
                        .ok_or_else(badarg)?;
                    let [k, v] = kv[..] else {
                        return Err(badarg());
                    };
                    let k = text(ctx, k)?;
                    if v == atoms::false_ {
                        cmd.env_remove(std::ffi::OsStr::from_bytes(&k));
                    } else {
                        cmd.env(
                            std::ffi::OsStr::from_bytes(&k),
                            std::ffi::OsStr::from_bytes(&text(ctx, v)?),
                        );
                    }
                }
            }
            _ => return Err(badarg()),
        }
    }
    let (input, output) = match (only_in, only_out) {
        (false, false) => (true, true),
        (i, o) => (i, o),
    };
    cmd.stdin(if output {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(if input { Stdio::piped() } else { Stdio::null() });
    let (reader, writer) = if input && stderr_to_stdout {
        match nix::unistd::pipe() {
            Ok((r, w)) => (Some(r), Some(w)),
            Err(_) => return Err(badarg()),
        }
    } else {
        (None, None)
    };
    if let Some(w) = writer {
        // One pipe for both: stdout and stderr go to its write end.
        let w2 = w.try_clone().map_err(|_| badarg())?;
        cmd.stdout(Stdio::from(w));
        cmd.stderr(Stdio::from(w2));
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        // As the BEAM: a program that cannot start is `eacces`/`enoent` in an
        // error exception.
        Err(e) => return Err(Exception::error(ctx.atom(&super::errno::name(&e)))),
    };
    drop(cmd);
    let stdout = match reader {
        Some(r) => Some(ChildStdout::from(r)),
        None => child.stdout.take(),
    };
    let index = ctx.vm.io.next_port;
    ctx.vm.io.next_port += 1;
    if let Some(out) = &stdout {
        let fd = out.as_raw_fd();
        let _ = nix::fcntl::fcntl(
            out,
            nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
        );
        if let Ok(r) = ctx.vm.io.registry() {
            let token = mio::Token((TOKEN_BASE + u64::from(index)) as usize);
            let _ = r.register(
                &mut mio::unix::SourceFd(&fd),
                token,
                mio::Interest::READABLE,
            );
        }
    }
    let owner = ctx.proc.pid;
    let stdin = child.stdin.take();
    ctx.vm.io.ports.insert(
        index,
        Port {
            child,
            stdin,
            stdout,
            owner,
            binary,
            framing,
            eof,
            exit_status,
            pending: Vec::new(),
            monitors: Vec::new(),
            name: None,
            linked: Vec::new(),
            owner_linked: true,
            command,
            output: 0,
            input: 0,
        },
    );
    Ok(Term::port(index))
}

fn port_index(ctx: &Context<'_>, t: Term) -> Result<u32, Exception> {
    t.as_port()
        .filter(|i| ctx.vm.io.ports.contains_key(i))
        .ok_or_else(badarg)
}

/// `erlang:port_command/2,3`.
pub fn port_command(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let i = port_index(ctx, args[0])?;
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[1]).ok_or_else(badarg)?;
    write(ctx, i, &bytes)?;
    Ok(atoms::true_)
}

fn write(ctx: &mut Context<'_>, i: u32, bytes: &[u8]) -> Result<(), Exception> {
    let port = ctx.vm.io.ports.get_mut(&i).ok_or_else(badarg)?;
    let stdin = port.stdin.as_mut().ok_or_else(badarg)?;
    stdin.write_all(bytes).map_err(|_| badarg())?;
    port.output += bytes.len() as u64;
    Ok(())
}

/// A message sent to port `index` (`!`): `{Pid, {command, Data}}` writes Data,
/// `{Pid, close}` closes it and answers `{Port, closed}`, `{Pid, {connect, New}}`
/// hands it to `New` and answers the old owner `{Port, connected}`. Anything else, or
/// a `Pid` that is not the owner, makes the port send its owner the exit signal
/// `badsig`. A closed port ignores messages.
pub fn message(ctx: &mut Context<'_>, index: u32, msg: Term) -> Result<(), Exception> {
    let Some(owner) = ctx.vm.io.ports.get(&index).map(|p| p.owner) else {
        return Ok(());
    };
    let port = Term::port(index);
    let mem = ctx.mem();
    let (from, request) = match mem.tuple(msg) {
        Some(&[from, request]) => (from.as_pid(), request),
        _ => (None, Term::NIL),
    };
    let name = |t: Term| t.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
    let command = match (from, mem.tuple(request)) {
        (Some(p), _) if p != owner => None,
        (Some(_), Some(&[tag, data])) if name(tag).as_deref() == Some("command") => Some(Ok(data)),
        (Some(_), Some(&[tag, new])) if name(tag).as_deref() == Some("connect") => {
            new.as_pid().map(Err)
        }
        _ => None,
    };
    match command {
        Some(Ok(data)) => match crate::bif::convert::iolist_bytes(ctx, data) {
            Some(bytes) if write(ctx, index, &bytes).is_ok() => return Ok(()),
            _ => {}
        },
        Some(Err(new)) => {
            if let Some(p) = ctx.vm.io.ports.get_mut(&index) {
                p.owner = new;
            }
            let connected = ctx.atom("connected");
            let reply = ctx.heap().tuple(&[port, connected]);
            deliver(ctx, owner, reply);
            return Ok(());
        }
        None if from == Some(owner) && name(request).as_deref() == Some("close") => {
            close(ctx, index)?;
            let closed = ctx.atom("closed");
            let reply = ctx.heap().tuple(&[port, closed]);
            deliver(ctx, owner, reply);
            return Ok(());
        }
        None => {}
    }
    // badsig: the port's linked owner gets that exit signal (the port stays open,
    // unless the signal ends its owner).
    let badsig = ctx.atom("badsig");
    signal_owner(ctx, owner, index, badsig)
}

fn deliver(ctx: &mut Context<'_>, pid: u32, message: Term) {
    if pid == ctx.proc.pid {
        ctx.proc.mailbox.push(message);
    } else {
        ctx.vm.deliver(pid, message, &ctx.proc.heap);
    }
}

/// `register(Name, Port)` (the name is known to be free): `badarg` for a closed port
/// or one that already has a name.
pub fn register(ctx: &mut Context<'_>, name: u32, index: u32) -> R {
    let port = ctx.vm.io.ports.get_mut(&index).ok_or_else(badarg)?;
    if port.name.is_some() {
        return Err(badarg());
    }
    port.name = Some(name);
    ctx.vm.io.port_names.insert(name, index);
    Ok(atoms::true_)
}

/// `erlang:port_close/1`.
pub fn port_close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let i = port_index(ctx, args[0])?;
    close(ctx, i)?;
    Ok(atoms::true_)
}

/// Closes port `index` (normally): monitors are told, and the owner, linked to it,
/// gets `{'EXIT', Port, normal}` when it traps exits.
fn close(ctx: &mut Context<'_>, index: u32) -> Result<(), Exception> {
    close_with(ctx, index, atoms::normal)
}

/// Closes port `index` with `reason`: monitors get `'DOWN'`, the processes linked to
/// it (its owner first) the exit signal.
fn close_with(ctx: &mut Context<'_>, index: u32, reason: Term) -> Result<(), Exception> {
    let Some(linked) = ctx.vm.io.ports.get(&index).map(Port::links) else {
        return Ok(());
    };
    let mut notes = Vec::new();
    ctx.vm.io.close_port(index, reason, &mut notes);
    for n in notes {
        ctx.vm.deliver(n.pid, n.message, &n.heap);
    }
    let mut result = Ok(());
    for pid in linked {
        if let Err(e) = signal_owner(ctx, pid, index, reason) {
            result = Err(e);
        }
    }
    result
}

/// `link(Port)`: `true`; for a closed port, `{'EXIT', Port, noproc}` to a caller that
/// traps exits, else a `noproc` error.
pub fn link(ctx: &mut Context<'_>, port: Term) -> R {
    let me = ctx.proc.pid;
    match port.as_port().and_then(|i| ctx.vm.io.ports.get_mut(&i)) {
        Some(p) => {
            if p.owner == me {
                p.owner_linked = true;
            } else if !p.linked.contains(&me) {
                p.linked.push(me);
            }
            Ok(atoms::true_)
        }
        None if ctx.proc.trap_exit => {
            let m = ctx.heap().tuple(&[atoms::EXIT, port, atoms::noproc]);
            ctx.proc.mailbox.push(m);
            Ok(atoms::true_)
        }
        None => Err(Exception::error(atoms::noproc)),
    }
}

/// `unlink(Port)`: `true` (an owner that unlinks stays connected).
pub fn unlink(ctx: &mut Context<'_>, port: Term) -> R {
    let me = ctx.proc.pid;
    if let Some(p) = port.as_port().and_then(|i| ctx.vm.io.ports.get_mut(&i)) {
        p.linked.retain(|pid| *pid != me);
        if p.owner == me {
            p.owner_linked = false;
        }
    }
    Ok(atoms::true_)
}

/// `exit(Port, Reason)`: the port ends with `Reason` (`kill`: `killed`; `normal` too,
/// as a port does not trap exits), which the processes linked to it get.
pub fn exit(ctx: &mut Context<'_>, port: Term, reason: Term) -> R {
    let Some(index) = port.as_port() else {
        return Err(badarg());
    };
    let reason = if reason == atoms::kill {
        atoms::killed
    } else {
        reason
    };
    close_with(ctx, index, reason)?;
    Ok(atoms::true_)
}

/// The ports `pid` is linked to (as their owner or by `link/1`).
pub fn links_of(ctx: &Context<'_>, pid: u32) -> Vec<Term> {
    let mut ports: Vec<u32> = ctx
        .vm
        .io
        .ports
        .iter()
        .filter(|(_, p)| p.links().contains(&pid))
        .map(|(i, _)| *i)
        .collect();
    ports.sort_unstable();
    ports.into_iter().map(Term::port).collect()
}

/// The exit signal `reason` from port `index` to process `owner` (its owner or
/// another linked process): a message when it traps exits, else its end unless
/// `reason` is `normal`.
fn signal_owner(
    ctx: &mut Context<'_>,
    owner: u32,
    index: u32,
    reason: Term,
) -> Result<(), Exception> {
    let port = Term::port(index);
    if owner == ctx.proc.pid {
        if ctx.proc.trap_exit {
            let m = ctx.heap().tuple(&[atoms::EXIT, port, reason]);
            ctx.proc.mailbox.push(m);
        } else if reason != atoms::normal {
            return Err(Exception::exit(reason));
        }
        return Ok(());
    }
    let trapping = matches!(ctx.vm.procs.get(owner as usize), Some(Some(p)) if p.trap_exit);
    if trapping {
        let m = ctx.heap().tuple(&[atoms::EXIT, port, reason]);
        deliver(ctx, owner, m);
    } else if reason != atoms::normal {
        ctx.vm
            .signal_exit(owner, ctx.proc.pid, reason, &ctx.proc.heap);
    }
    Ok(())
}

/// `erlang:ports/0`.
pub fn ports(ctx: &mut Context<'_>, _: &[Term]) -> R {
    let mut ids: Vec<u32> = ctx.vm.io.ports.keys().copied().collect();
    ids.sort_unstable();
    let list: Vec<Term> = ids.into_iter().map(Term::port).collect();
    Ok(ctx.heap().list(&list))
}

/// The items `port_info/1` lists, in the BEAM's order (`registered_name` first, when
/// the port has a name).
const INFO_ITEMS: [&str; 8] = [
    "registered_name",
    "name",
    "links",
    "id",
    "connected",
    "input",
    "output",
    "os_pid",
];

/// `erlang:port_info/1`: `[{Item, Value}]`, or `undefined` for a closed port
/// (`badarg` for what is not a port).
pub fn port_info(ctx: &mut Context<'_>, args: &[Term]) -> R {
    if args[0].as_port().is_none() {
        return Err(badarg());
    }
    let mut items = Vec::new();
    for item in INFO_ITEMS {
        match info_item(ctx, args[0], item)? {
            Some(v) if item == "registered_name" && v == Term::NIL => {}
            Some(v) => items.push(terms::tagged(ctx, item, v)),
            None => return Ok(atoms::undefined),
        }
    }
    Ok(ctx.heap().list(&items))
}

/// `erlang:port_info(Port, Item)`: `{Item, Value}`, or `undefined` for a closed
/// port; `registered_name` of a port without a name is `[]`.
pub fn port_info2(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let item = args[1]
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(badarg)?;
    if args[0].as_port().is_none() || !INFO_ITEMS.contains(&item.as_str()) {
        return Err(badarg());
    }
    match info_item(ctx, args[0], &item)? {
        Some(v) if item == "registered_name" && v == Term::NIL => Ok(Term::NIL),
        Some(v) => Ok(terms::tagged(ctx, &item, v)),
        None => Ok(atoms::undefined),
    }
}

fn info_item(ctx: &mut Context<'_>, port: Term, item: &str) -> Result<Option<Term>, Exception> {
    let Some(i) = port.as_port() else {
        return Err(badarg());
    };
    let Some(p) = ctx.vm.io.ports.get(&i) else {
        return Ok(None);
    };
    let (owner, os_pid, name, command) = (p.owner, p.child.id(), p.name, p.command.clone());
    let (input, output) = (p.input, p.output);
    Ok(Some(match item {
        "registered_name" => name.map_or(Term::NIL, Term::atom),
        "name" => {
            let chars: Vec<Term> = command
                .iter()
                .map(|b| terms::small(i64::from(*b)))
                .collect();
            ctx.heap().list(&chars)
        }
        "links" => {
            let pids: Vec<Term> = ctx
                .vm
                .io
                .ports
                .get(&i)
                .map(Port::links)
                .unwrap_or_default()
                .into_iter()
                .map(Term::pid)
                .collect();
            ctx.heap().list(&pids)
        }
        "id" => terms::small(i64::from(i)),
        "connected" => Term::pid(owner),
        "input" => ctx.heap().int(input as i64),
        "output" => ctx.heap().int(output as i64),
        "os_pid" => terms::small(i64::from(os_pid)),
        _ => return Err(badarg()),
    }))
}

/// `monitor(port, Port)`: the reference; `'DOWN'` with `noproc` at once for a
/// port that is closed.
pub fn monitor(ctx: &mut Context<'_>, port: Term) -> R {
    let id = ctx.vm.fresh_id();
    let watcher = ctx.proc.pid;
    match port.as_port().and_then(|i| ctx.vm.io.ports.get_mut(&i)) {
        Some(p) => p.monitors.push((id, watcher)),
        None if port.as_port().is_some() => {
            let mut heap = Heap::default();
            let r = heap.reference(id);
            let noproc = atoms::noproc;
            let port_atom = crate::atom::atoms::port;
            let m = heap.tuple(&[atoms::DOWN, r, port_atom, port, noproc]);
            ctx.vm.deliver(watcher, m, &heap);
        }
        None => return Err(badarg()),
    }
    Ok(ctx.heap().reference(id))
}

impl super::Io {
    /// Forgets port monitor `reference`; whether there was one.
    pub fn demonitor_port(&mut self, reference: u64) -> bool {
        self.ports.values_mut().any(|p| {
            let before = p.monitors.len();
            p.monitors.retain(|m| m.0 != reference);
            before != p.monitors.len()
        })
    }

    /// Closes port `index`: pipes closed, the child reaped when it has exited,
    /// monitors told `reason`.
    pub fn close_port(&mut self, index: u32, reason: Term, notes: &mut Vec<Note>) {
        let Some(mut p) = self.ports.remove(&index) else {
            return;
        };
        if let Some(name) = p.name {
            self.port_names.remove(&name);
        }
        if let Some(out) = &p.stdout {
            self.unwatch(out.as_raw_fd());
        }
        p.stdin = None;
        p.stdout = None;
        if !matches!(p.child.try_wait(), Ok(Some(_))) {
            self.zombies.push(p.child);
        }
        self.zombies
            .retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_))));
        for (reference, pid) in p.monitors {
            let mut heap = Heap::default();
            let r = heap.reference(reference);
            let message = heap.tuple(&[
                atoms::DOWN,
                r,
                crate::atom::atoms::port,
                Term::port(index),
                reason,
            ]);
            notes.push(Note { pid, heap, message });
        }
    }

    /// Ports owned by `pid` close (it exited); it is no longer linked to others.
    pub fn close_ports_of(&mut self, pid: u32, notes: &mut Vec<Note>) {
        for p in self.ports.values_mut() {
            p.linked.retain(|l| *l != pid);
        }
        let owned: Vec<u32> = self
            .ports
            .iter()
            .filter(|(_, p)| p.owner == pid)
            .map(|(i, _)| *i)
            .collect();
        for i in owned {
            self.close_port(i, atoms::normal, notes);
        }
        for p in self.ports.values_mut() {
            p.monitors.retain(|m| m.1 != pid);
        }
    }

    /// The child's output became readable: read what there is, send the owner its
    /// messages; at the end of the output, `eof` or close. The processes linked to
    /// the port, when it closed.
    pub fn port_ready(&mut self, index: u32, notes: &mut Vec<Note>) -> Option<Vec<u32>> {
        let p = self.ports.get_mut(&index)?;
        let mut ended = false;
        let mut buf = [0u8; 65536];
        if let Some(out) = p.stdout.as_mut() {
            loop {
                match out.read(&mut buf) {
                    Ok(0) => {
                        ended = true;
                        break;
                    }
                    Ok(n) => {
                        p.input += n as u64;
                        p.pending.extend_from_slice(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
        }
        let port = Term::port(index);
        for data in p.take_messages() {
            notes.push(p.data_message(port, data));
        }
        if !ended {
            return None;
        }
        if p.exit_status {
            let status = p.child.wait().ok().and_then(|s| {
                use std::os::unix::process::ExitStatusExt;
                s.code().or_else(|| s.signal().map(|sig| 128 + sig))
            });
            let mut heap = Heap::default();
            let tag = crate::atom::atoms::exit_status;
            let n = terms::small(i64::from(status.unwrap_or(0)));
            let inner = heap.tuple(&[tag, n]);
            let message = heap.tuple(&[port, inner]);
            notes.push(Note {
                pid: p.owner,
                heap,
                message,
            });
        }
        if p.eof {
            let mut heap = Heap::default();
            let message = heap.tuple(&[port, crate::atom::atoms::eof]);
            notes.push(Note {
                pid: p.owner,
                heap,
                message,
            });
            if let Some(out) = p.stdout.take() {
                self.unwatch(out.as_raw_fd());
            }
            None
        } else {
            let linked = p.links();
            self.close_port(index, atoms::normal, notes);
            Some(linked)
        }
    }
}

/// What a message carries: bytes, or a line and whether it was whole.
enum Data {
    Bytes(Vec<u8>),
    Line(Vec<u8>, bool),
}

impl Port {
    /// The processes linked to the port: its owner (unless it unlinked), then the
    /// others.
    fn links(&self) -> Vec<u32> {
        let owner = self.owner_linked.then_some(self.owner);
        owner
            .into_iter()
            .chain(self.linked.iter().copied())
            .collect()
    }

    fn take_messages(&mut self) -> Vec<Data> {
        let mut out = Vec::new();
        match self.framing {
            Framing::Stream => {
                if !self.pending.is_empty() {
                    out.push(Data::Bytes(std::mem::take(&mut self.pending)));
                }
            }
            Framing::Line(max) => loop {
                match self.pending.iter().position(|b| *b == b'\n') {
                    Some(i) if i <= max => {
                        let line: Vec<u8> = self.pending.drain(..=i).take(i).collect();
                        out.push(Data::Line(line, true));
                    }
                    _ if self.pending.len() > max => {
                        let part: Vec<u8> = self.pending.drain(..max).collect();
                        out.push(Data::Line(part, false));
                    }
                    // A last line without its newline is dropped, as the BEAM does.
                    _ => break,
                }
            },
            Framing::Packet(h) => loop {
                if self.pending.len() < h {
                    break;
                }
                let len = self.pending[..h]
                    .iter()
                    .fold(0usize, |n, b| (n << 8) | usize::from(*b));
                if self.pending.len() < h + len {
                    break;
                }
                let packet: Vec<u8> = self.pending.drain(..h + len).skip(h).collect();
                out.push(Data::Bytes(packet));
            },
        }
        out
    }

    fn data_message(&self, port: Term, data: Data) -> Note {
        let mut heap = Heap::default();
        let bytes = |heap: &mut Heap, b: &[u8], binary: bool| {
            if binary {
                heap.binary(b)
            } else {
                let chars: Vec<Term> = b.iter().map(|c| terms::small(i64::from(*c))).collect();
                heap.list(&chars)
            }
        };
        let payload = match data {
            Data::Bytes(b) => bytes(&mut heap, &b, self.binary),
            Data::Line(l, whole) => {
                let t = bytes(&mut heap, &l, self.binary);
                let tag = if whole {
                    crate::atom::atoms::eol
                } else {
                    crate::atom::atoms::noeol
                };
                heap.tuple(&[tag, t])
            }
        };
        let inner = heap.tuple(&[crate::atom::atoms::data, payload]);
        let message = heap.tuple(&[port, inner]);
        Note {
            pid: self.owner,
            heap,
            message,
        }
    }
}
