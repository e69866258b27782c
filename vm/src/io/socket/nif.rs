//! `prim_socket`'s NIFs (`nif_open/4`, `nif_recv/4`, …): what OTP's
//! `prim_socket_nif.c` does, on `socket2` sockets, non-blocking, with the select
//! contract of [`super`].

use super::options::{self, Kind, Level, Value};
use super::{addr, supports, Op, Socket, Waiter};
use crate::interp::{Context, Exception};
use crate::io::terms;
use crate::term::Term;
use std::io::ErrorKind;

/// `MSG_NOSIGNAL`: a write to a connection the peer closed is `epipe`, not a signal.
const NOSIGNAL: i32 = 0x4000;
/// `EINPROGRESS`.
const EINPROGRESS: i32 = nix::errno::Errno::EINPROGRESS as i32;

type R = Result<Term, Exception>;

/// The id of the socket `t` names, or the `{error, closed}` to return.
fn socket_id(ctx: &mut Context<'_>, t: Term) -> Result<u64, Term> {
    match terms::ref_id(ctx, t) {
        Some(id) if ctx.vm.io.sockets.contains_key(&id) => Ok(id),
        _ => Err(terms::error(ctx, "closed")),
    }
}

macro_rules! socket {
    ($ctx:expr, $t:expr) => {
        match socket_id($ctx, $t) {
            Ok(id) => id,
            Err(closed) => return Ok(closed),
        }
    };
}

fn sock<'a>(ctx: &'a Context<'_>, id: u64) -> Option<&'a Socket> {
    ctx.vm.io.sockets.get(&id)
}

fn atom_text(ctx: &Context<'_>, t: Term) -> Option<String> {
    t.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned())
}

/// Registers the caller as waiting on socket `id` with the handle `handle`.
fn wait(ctx: &mut Context<'_>, id: u64, handle: Term, op: Op) {
    if let Some(handle) = terms::ref_id(ctx, handle) {
        let pid = ctx.proc.pid;
        ctx.vm.io.wait(id, Waiter { pid, handle, op });
    }
}

/// `nif_info/0`.
pub fn info0(ctx: &mut Context<'_>, _: &[Term]) -> R {
    let name = ctx.atom("select");
    let backend = terms::atom_map(ctx, &[("name", name)]);
    let open = ctx.vm.io.sockets.len() as i64;
    let counters = terms::atom_map(
        ctx,
        &[
            ("num_cnt_bits", terms::small(64)),
            ("num_sockets", terms::small(open)),
        ],
    );
    Ok(terms::atom_map(
        ctx,
        &[
            ("debug", terms::bool_term(false)),
            ("use_registry", terms::bool_term(false)),
            ("iow", terms::bool_term(false)),
            ("counters", counters),
            ("iov_max", terms::small(1024)),
            ("io_backend", backend),
        ],
    ))
}

/// `nif_info/1`.
pub fn info1(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let Some(s) = sock(ctx, id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let (domain, kind, protocol) = (s.domain, s.kind, s.protocol);
    let (readers, writers) = (s.readers.len(), s.writers.len());
    let owner = Term::pid(s.owner);
    let (domain, kind) = (ctx.atom(domain), ctx.atom(kind));
    let counters = terms::atom_map(ctx, &[]);
    let open = ctx.atom("open");
    let rstates = ctx.heap().list(&[open]);
    Ok(terms::atom_map(
        ctx,
        &[
            ("domain", domain),
            ("type", kind),
            ("protocol", terms::small(i64::from(protocol))),
            ("ctrl", owner),
            ("ctype", ctx_atom_normal()),
            ("counters", counters),
            ("num_readers", terms::small(readers as i64)),
            ("num_writers", terms::small(writers as i64)),
            ("num_acceptors", terms::small(0)),
            ("readable", terms::bool_term(true)),
            ("writable", terms::bool_term(true)),
            ("rstates", rstates),
            ("wstates", rstates),
        ],
    ))
}

fn ctx_atom_normal() -> Term {
    crate::atom::atoms::normal
}

/// `nif_command/1`: debug switches; accepted and ignored.
pub fn command(_: &mut Context<'_>, _: &[Term]) -> R {
    Ok(crate::atom::atoms::ok)
}

/// `nif_supports/0`.
pub fn supports0(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(supports::all(ctx))
}

/// `nif_supports/1`.
pub fn supports1(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let key = atom_text(ctx, args[0]).unwrap_or_default();
    Ok(supports::key(ctx, &key))
}

/// `nif_open/2` (from a file descriptor): not supported.
pub fn open2(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(terms::error(ctx, "enotsup"))
}

/// `nif_open(Domain, Type, Protocol, Opts)`.
pub fn open4(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let domain = match atom_text(ctx, args[0]).as_deref() {
        Some("inet") => ("inet", socket2::Domain::IPV4),
        Some("inet6") => ("inet6", socket2::Domain::IPV6),
        Some("local") => ("local", socket2::Domain::UNIX),
        _ => return invalid(ctx, "domain"),
    };
    let kind = match atom_text(ctx, args[1]).as_deref() {
        Some("stream") => ("stream", socket2::Type::STREAM),
        Some("dgram") => ("dgram", socket2::Type::DGRAM),
        Some("seqpacket") => ("seqpacket", socket2::Type::SEQPACKET),
        Some("raw") => ("raw", socket2::Type::RAW),
        _ => return invalid(ctx, "type"),
    };
    let protocol = i32::try_from(terms::int(ctx, args[2])?).map_err(|_| Exception::badarg())?;
    let proto = (protocol != 0).then(|| socket2::Protocol::from(protocol));
    let s = match socket2::Socket::new(domain.1, kind.1, proto) {
        Ok(s) => s,
        Err(e) => return Ok(terms::os_error(ctx, &e)),
    };
    adopt(ctx, s, (domain.0, kind.0, protocol))
}

/// Makes `s` a VM socket owned by the caller: `{ok, Ref}`.
fn adopt(ctx: &mut Context<'_>, s: socket2::Socket, what: (&'static str, &'static str, i32)) -> R {
    if let Err(e) = s.set_nonblocking(true) {
        return Ok(terms::os_error(ctx, &e));
    }
    let id = ctx.vm.fresh_id();
    let registered = ctx.vm.io.registry().and_then(|r| {
        use std::os::fd::AsRawFd;
        let fd = s.as_raw_fd();
        let both = mio::Interest::READABLE | mio::Interest::WRITABLE;
        r.register(&mut mio::unix::SourceFd(&fd), mio::Token(id as usize), both)
    });
    if let Err(e) = registered {
        return Ok(terms::os_error(ctx, &e));
    }
    let owner = ctx.proc.pid;
    ctx.vm.io.sockets.insert(id, Socket::new(s, what, owner));
    let r = ctx.heap().reference(id);
    Ok(terms::tagged(ctx, "ok", r))
}

fn invalid(ctx: &mut Context<'_>, what: &str) -> R {
    let what = ctx.atom(what);
    Ok(terms::tagged(ctx, "invalid", what))
}

fn ok_or_error(ctx: &mut Context<'_>, r: std::io::Result<()>) -> R {
    match r {
        Ok(()) => Ok(crate::atom::atoms::ok),
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `nif_bind(Ref, SockAddr)`.
pub fn bind(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let Some(address) = addr::decode(ctx, args[1]) else {
        return invalid(ctx, "sockaddr");
    };
    let r = sock(ctx, id).map_or(Ok(()), |s| s.sock.bind(&address));
    ok_or_error(ctx, r)
}

/// `nif_connect(Ref, Handle, SockAddr)`: `ok`, `select` (in progress), or an error.
pub fn connect3(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let Some(address) = addr::decode(ctx, args[2]) else {
        return invalid(ctx, "sockaddr");
    };
    let r = sock(ctx, id).map_or(Ok(()), |s| s.sock.connect(&address));
    match r {
        Ok(()) => Ok(crate::atom::atoms::ok),
        Err(e) if e.raw_os_error() == Some(EINPROGRESS) || e.kind() == ErrorKind::WouldBlock => {
            wait(ctx, id, args[1], Op::Connect);
            Ok(crate::atom::atoms::select)
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `nif_connect(Ref)`: the outcome of a connect that was in progress.
pub fn connect1(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let r = match sock(ctx, id) {
        Some(s) => match s.sock.take_error() {
            Ok(Some(e)) | Err(e) => Err(e),
            Ok(None) => s.sock.peer_addr().map(|_| ()),
        },
        None => Ok(()),
    };
    ok_or_error(ctx, r)
}

/// `nif_listen(Ref, Backlog)`.
pub fn listen(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let backlog = i32::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let r = sock(ctx, id).map_or(Ok(()), |s| s.sock.listen(backlog));
    if r.is_ok() {
        if let Some(s) = ctx.vm.io.sockets.get_mut(&id) {
            s.listening = true;
        }
    }
    ok_or_error(ctx, r)
}

/// `nif_accept(ListenRef, Handle)`: `{ok, Ref}`, `select`, or an error.
pub fn accept(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let Some(s) = sock(ctx, id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let what = (s.domain, s.kind, s.protocol);
    match s.sock.accept() {
        Ok((new, _)) => adopt(ctx, new, what),
        Err(e) if e.kind() == ErrorKind::WouldBlock => {
            wait(ctx, id, args[1], Op::Accept);
            Ok(crate::atom::atoms::select)
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// Writes `bytes` with `write` until done or it would block. `ok`, `select` (nothing
/// written, waiting), `{select, Written}` (part written, waiting) or an error.
fn write_all(
    ctx: &mut Context<'_>,
    id: u64,
    handle: Term,
    bytes: &[u8],
    write: impl Fn(&socket2::Socket, &[u8]) -> std::io::Result<usize>,
) -> R {
    let mut written = 0;
    let error = loop {
        let Some(s) = sock(ctx, id) else {
            return Ok(terms::error(ctx, "closed"));
        };
        if written == bytes.len() {
            return Ok(crate::atom::atoms::ok);
        }
        match write(&s.sock, &bytes[written..]) {
            Ok(n) => written += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => break e,
        }
    };
    if error.kind() != ErrorKind::WouldBlock {
        return Ok(terms::os_error(ctx, &error));
    }
    wait(ctx, id, handle, Op::Send);
    if written == 0 {
        Ok(crate::atom::atoms::select)
    } else {
        let n = terms::small(written as i64);
        Ok(terms::tagged(ctx, "select", n))
    }
}

fn flags(ctx: &Context<'_>, t: Term) -> Result<i32, Exception> {
    i32::try_from(terms::int(ctx, t)?).map_err(|_| Exception::badarg())
}

/// `nif_send(Ref, Bin, Flags, Handle)`.
pub fn send(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let bytes = terms::bytes(ctx, args[1])?;
    let f = flags(ctx, args[2])? | NOSIGNAL;
    write_all(ctx, id, args[3], &bytes, |s, b| s.send_with_flags(b, f))
}

/// `nif_sendv(Ref, IOV, Handle)` (OTP 27+): a list of binaries.
pub fn sendv(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[1]).ok_or_else(Exception::badarg)?;
    write_all(ctx, id, args[2], &bytes, |s, b| {
        s.send_with_flags(b, NOSIGNAL)
    })
}

/// `nif_sendto(Ref, Bin, Dest, Flags, Handle)`.
pub fn sendto(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let bytes = terms::bytes(ctx, args[1])?;
    let Some(dest) = addr::decode(ctx, args[2]) else {
        return invalid(ctx, "sockaddr");
    };
    let f = flags(ctx, args[3])? | NOSIGNAL;
    write_all(ctx, id, args[4], &bytes, |s, b| {
        s.send_to_with_flags(b, &dest, f)
    })
}

/// `nif_sendmsg(Ref, Msg, Flags, Handle, IOV)`: the IOV's bytes to `Msg`'s `addr`
/// (or the connected peer). Control messages (`ctrl`) are not supported (`{error,
/// enotsup}`).
pub fn sendmsg(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    if terms::get(ctx, args[1], "ctrl").is_some_and(|c| c != Term::NIL) {
        return Ok(terms::error(ctx, "enotsup"));
    }
    let dest = match terms::get(ctx, args[1], "addr") {
        Some(a) => match addr::decode(ctx, a) {
            Some(a) => Some(a),
            None => return invalid(ctx, "addr"),
        },
        None => None,
    };
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[4]).ok_or_else(Exception::badarg)?;
    let f = flags(ctx, args[2])? | NOSIGNAL;
    match dest {
        Some(d) => write_all(ctx, id, args[3], &bytes, |s, b| {
            s.send_to_with_flags(b, &d, f)
        }),
        None => write_all(ctx, id, args[3], &bytes, |s, b| s.send_with_flags(b, f)),
    }
}

/// `nif_recvmsg(Ref, BufSz, CtrlSz, Flags, Handle)`: `{ok, #{iov => [Bin], addr =>
/// Source (datagrams), flags => [], ctrl => []}}`, `select`, or an error.
pub fn recvmsg(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let size = usize::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let f = flags(ctx, args[3])?;
    let zero = atom_text(ctx, args[4]).as_deref() == Some("zero");
    let Some(s) = sock(ctx, id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let size = if size == 0 { s.rcvbuf } else { size };
    let stream = s.kind == "stream";
    match read(&s.sock, size, f) {
        Ok((bytes, _)) if bytes.is_empty() && stream => Ok(terms::error(ctx, "closed")),
        Ok((bytes, from)) => {
            let bin = ctx.heap().binary(&bytes);
            let iov = ctx.heap().list(&[bin]);
            let mut pairs = vec![("iov", iov), ("flags", Term::NIL), ("ctrl", Term::NIL)];
            if let Some(a) = from {
                pairs.push(("addr", addr::encode(ctx, &a)));
            }
            let m = terms::atom_map(ctx, &pairs);
            Ok(terms::tagged(ctx, "ok", m))
        }
        Err(e) if e.kind() == ErrorKind::WouldBlock => {
            if zero {
                return Ok(crate::atom::atoms::ok);
            }
            wait(ctx, id, args[4], Op::Recv);
            Ok(crate::atom::atoms::select)
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// One read into a fresh buffer of `size` bytes (with the sender for datagrams).
pub(crate) fn read(
    s: &socket2::Socket,
    size: usize,
    flags: i32,
) -> std::io::Result<(Vec<u8>, Option<socket2::SockAddr>)> {
    use nix::sys::socket::{self as nx, MsgFlags, SockaddrLike, SockaddrStorage};
    use std::os::fd::AsRawFd;
    let fd = s.as_raw_fd();
    let mut buf = vec![0u8; size];
    let f = MsgFlags::from_bits_truncate(flags);
    let (n, from) = if s.r#type().is_ok_and(|t| t == socket2::Type::DGRAM) {
        let (n, from) = nx::recvfrom::<SockaddrStorage>(fd, &mut buf)?;
        let from = from.and_then(|a| {
            a.as_sockaddr_in()
                .map(|v4| std::net::SocketAddr::V4((*v4).into()))
                .or_else(|| {
                    a.as_sockaddr_in6()
                        .map(|v6| std::net::SocketAddr::V6((*v6).into()))
                })
                .map(socket2::SockAddr::from)
                .filter(|_| a.len() > 0)
        });
        (n, from)
    } else {
        (nx::recv(fd, &mut buf, f)?, None)
    };
    buf.truncate(n.min(size));
    Ok((buf, from))
}

/// `nif_recv(Ref, Length, Flags, Handle)`: `{ok, Bin}`, `{more, Bin}` (a full
/// buffer; there may be more), `{select, Bin}` (less than asked for; waiting),
/// `select`, `ok` (handle `zero` and nothing there) or an error; `{error, closed}`
/// at the end of the stream.
pub fn recv(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let length = usize::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let f = flags(ctx, args[2])?;
    let zero = atom_text(ctx, args[3]).as_deref() == Some("zero");
    let Some(s) = sock(ctx, id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let stream = s.kind == "stream";
    let size = if length == 0 { s.rcvbuf } else { length };
    let mut got: Vec<u8> = Vec::new();
    let outcome = loop {
        match read(&s.sock, size - got.len(), f) {
            Ok((bytes, _)) if bytes.is_empty() && stream && size > 0 => {
                break Err(std::io::Error::from(ErrorKind::UnexpectedEof))
            }
            Ok((bytes, _)) => {
                got.extend_from_slice(&bytes);
                if !stream || got.len() == size || length == 0 {
                    break Ok(());
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => break Err(e),
        }
    };
    match outcome {
        Ok(()) => {
            let full = length == 0 && stream && got.len() == size;
            let bin = ctx.heap().binary(&got);
            Ok(terms::tagged(ctx, if full { "more" } else { "ok" }, bin))
        }
        Err(e) if e.kind() == ErrorKind::WouldBlock => {
            if zero {
                if got.is_empty() {
                    return Ok(crate::atom::atoms::ok);
                }
                let bin = ctx.heap().binary(&got);
                return Ok(terms::tagged(ctx, "ok", bin));
            }
            wait(ctx, id, args[3], Op::Recv);
            if got.is_empty() {
                Ok(crate::atom::atoms::select)
            } else {
                let bin = ctx.heap().binary(&got);
                Ok(terms::tagged(ctx, "select", bin))
            }
        }
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => {
            if got.is_empty() {
                Ok(terms::error(ctx, "closed"))
            } else {
                // What arrived before the end; the next call reports `closed`.
                wait(ctx, id, args[3], Op::Recv);
                let bin = ctx.heap().binary(&got);
                Ok(terms::tagged(ctx, "select", bin))
            }
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `nif_recvfrom(Ref, BufSz, Flags, Handle)`: `{ok, {Source, Bin}}`, `select`, or
/// an error.
pub fn recvfrom(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let size = usize::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let f = flags(ctx, args[2])?;
    let zero = atom_text(ctx, args[3]).as_deref() == Some("zero");
    let Some(s) = sock(ctx, id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let size = if size == 0 { s.rcvbuf } else { size };
    let r = loop {
        let r = read(&s.sock, size, f);
        if !matches!(&r, Err(e) if e.kind() == ErrorKind::Interrupted) {
            break r;
        }
    };
    match r {
        Ok((bytes, from)) => {
            let from = match from {
                Some(a) => addr::encode(ctx, &a),
                None => match s_peer(ctx, id) {
                    Some(a) => addr::encode(ctx, &a),
                    None => crate::atom::atoms::undefined,
                },
            };
            let bin = ctx.heap().binary(&bytes);
            let pair = ctx.heap().tuple(&[from, bin]);
            Ok(terms::tagged(ctx, "ok", pair))
        }
        Err(e) if e.kind() == ErrorKind::WouldBlock => {
            if zero {
                return Ok(crate::atom::atoms::ok);
            }
            wait(ctx, id, args[3], Op::Recv);
            Ok(crate::atom::atoms::select)
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

fn s_peer(ctx: &Context<'_>, id: u64) -> Option<socket2::SockAddr> {
    sock(ctx, id)?.sock.peer_addr().ok()
}

/// `nif_close(Ref)`: closes it now (waiters get `abort` messages); `ok`.
pub fn close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let mut notes = Vec::new();
    if let Some(mut s) = ctx.vm.io.sockets.remove(&id) {
        s.close(
            id,
            ctx.vm.io.poller.as_ref().map(mio::Poll::registry),
            &mut notes,
        );
    }
    for n in notes {
        ctx.vm.deliver(n.pid, n.message, &n.heap);
    }
    Ok(crate::atom::atoms::ok)
}

/// `nif_finalize_close(Ref)`: the close already happened.
pub fn finalize_close(_: &mut Context<'_>, _: &[Term]) -> R {
    Ok(crate::atom::atoms::ok)
}

/// `nif_shutdown(Ref, How)`.
pub fn shutdown(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let how = match atom_text(ctx, args[1]).as_deref() {
        Some("read") => std::net::Shutdown::Read,
        Some("write") => std::net::Shutdown::Write,
        Some("read_write") => std::net::Shutdown::Both,
        _ => return Err(Exception::badarg()),
    };
    let r = sock(ctx, id).map_or(Ok(()), |s| s.sock.shutdown(how));
    ok_or_error(ctx, r)
}

/// `nif_sockname(Ref)`.
pub fn sockname(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let r = sock(ctx, id).map(|s| s.sock.local_addr());
    name_result(ctx, r)
}

/// `nif_peername(Ref)`.
pub fn peername(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let r = sock(ctx, id).map(|s| s.sock.peer_addr());
    name_result(ctx, r)
}

fn name_result(ctx: &mut Context<'_>, r: Option<std::io::Result<socket2::SockAddr>>) -> R {
    match r {
        Some(Ok(a)) => {
            let a = addr::encode(ctx, &a);
            Ok(terms::tagged(ctx, "ok", a))
        }
        Some(Err(e)) => Ok(terms::os_error(ctx, &e)),
        None => Ok(terms::error(ctx, "closed")),
    }
}

/// `nif_cancel(Ref, Op, Handle)`: `ok` if the handle still waited, else
/// `select_sent` (its message may be in the mailbox; `socket` flushes it).
pub fn cancel(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let handle = terms::ref_id(ctx, args[2]);
    let found = match (handle, ctx.vm.io.sockets.get_mut(&id)) {
        (Some(h), Some(s)) => s.cancel(h),
        _ => false,
    };
    Ok(if found {
        crate::atom::atoms::ok
    } else {
        ctx.atom("select_sent")
    })
}

/// `nif_ioctl/2,3,4`: not supported.
pub fn ioctl(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(terms::error(ctx, "enotsup"))
}

/// `nif_setopt(Ref, Level, Opt, Value, Native)`.
pub fn setopt(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let (level, number, value) = (args[1], args[2], args[3]);
    if atom_text(ctx, level).as_deref() == Some("otp") {
        return set_otp(ctx, id, number, value);
    }
    if terms::int(ctx, args[4]).unwrap_or(0) != 0 {
        return Ok(terms::error(ctx, "enotsup"));
    }
    let Some(opt) = option(ctx, level, number) else {
        return invalid(ctx, "socket_option");
    };
    let Some(v) = decode_value(ctx, opt.kind, value) else {
        return invalid(ctx, "value");
    };
    let r = sock(ctx, id).map_or(Ok(()), |s| options::set(&s.sock, opt, &v));
    ok_or_error(ctx, r)
}

/// `nif_getopt(Ref, Level, Opt)`.
pub fn getopt(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket!(ctx, args[0]);
    let (level, number) = (args[1], args[2]);
    if atom_text(ctx, level).as_deref() == Some("otp") {
        return get_otp(ctx, id, number);
    }
    let Some(opt) = option(ctx, level, number) else {
        return invalid(ctx, "socket_option");
    };
    let r = sock(ctx, id).map(|s| options::get(&s.sock, opt));
    match r {
        Some(Ok(v)) => {
            let t = encode_value(ctx, &v);
            Ok(terms::tagged(ctx, "ok", t))
        }
        Some(Err(e)) => Ok(terms::os_error(ctx, &e)),
        None => Ok(terms::error(ctx, "closed")),
    }
}

/// `nif_getopt/4,5` (native value specs): not supported.
pub fn getopt_native(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(terms::error(ctx, "enotsup"))
}

fn option(ctx: &Context<'_>, level: Term, number: Term) -> Option<&'static options::SockOpt> {
    let level = match atom_text(ctx, level).as_deref() {
        Some("socket") => Level::Socket,
        Some(_) => return None,
        None => Level::from_number(Some(terms::int(ctx, level).ok()?))?,
    };
    options::find(level, terms::int(ctx, number).ok()?)
}

fn decode_value(ctx: &mut Context<'_>, kind: Kind, t: Term) -> Option<Value> {
    match kind {
        Kind::Bool => terms::boolean(t).map(Value::Bool),
        Kind::Int => t.as_small().map(Value::Int),
        Kind::Linger => {
            let on = terms::boolean(terms::get(ctx, t, "onoff")?)?;
            let secs = u32::try_from(terms::get(ctx, t, "linger")?.as_small()?).ok()?;
            Some(Value::Linger(on.then_some(secs)))
        }
        Kind::Membership => {
            let group = terms::get(ctx, t, "multiaddr")?;
            let group = addr::ipv4(ctx, group)?;
            let interface = terms::get(ctx, t, "interface")?;
            let interface = match atom_text(ctx, interface).as_deref() {
                Some("any") => std::net::Ipv4Addr::UNSPECIFIED,
                Some(_) => return None,
                None => addr::ipv4(ctx, interface)?,
            };
            Some(Value::Membership(group, interface))
        }
        Kind::Info => None,
    }
}

fn encode_value(ctx: &mut Context<'_>, v: &Value) -> Term {
    match v {
        Value::Bool(b) => terms::bool_term(*b),
        Value::Int(n) => ctx.heap().int(*n),
        Value::Linger(l) => {
            let secs = terms::small(i64::from(l.unwrap_or(0)));
            terms::atom_map(
                ctx,
                &[("onoff", terms::bool_term(l.is_some())), ("linger", secs)],
            )
        }
        Value::Atom(a) => ctx.atom(a),
        Value::Membership(..) => crate::atom::atoms::undefined,
    }
}

/// `otp` options, by the numbers `prim_socket` encodes them with.
const OTP_DEBUG: i64 = 1001;
const OTP_IOW: i64 = 1002;
const OTP_CTRL_PROC: i64 = 1003;
const OTP_RCVBUF: i64 = 1004;
const OTP_RCVCTRLBUF: i64 = 1006;
const OTP_SNDCTRLBUF: i64 = 1007;
const OTP_FD: i64 = 1008;
const OTP_META: i64 = 1009;
const OTP_USE_REGISTRY: i64 = 1010;
const OTP_DOMAIN: i64 = 1999;

fn set_otp(ctx: &mut Context<'_>, id: u64, number: Term, value: Term) -> R {
    let number = terms::int(ctx, number)?;
    let caller = ctx.proc.pid;
    let rcvbuf = match number {
        OTP_RCVBUF => match ctx.mem().int(value) {
            Some(crate::heap::Int::Small(n)) if n >= 0 => Some(n as usize),
            // `{N, Size}`: N reads of Size bytes; the VM reads Size at a time.
            _ => ctx
                .mem()
                .tuple(value)
                .and_then(|t| t.get(1).and_then(|s| s.as_small()))
                .and_then(|s| usize::try_from(s).ok()),
        },
        _ => None,
    };
    let meta = (number == OTP_META).then(|| {
        let mut heap = crate::heap::Heap::default();
        let copy = crate::heap::gc::copy_term(&ctx.proc.heap, value, &mut heap);
        (heap, copy)
    });
    let Some(s) = ctx.vm.io.sockets.get_mut(&id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    match number {
        OTP_DEBUG => s.flags.debug = terms::boolean(value).unwrap_or(false),
        OTP_IOW => s.flags.iow = terms::boolean(value).unwrap_or(false),
        OTP_USE_REGISTRY => s.flags.use_registry = terms::boolean(value).unwrap_or(false),
        OTP_CTRL_PROC => {
            let Some(new) = value.as_pid() else {
                return invalid(ctx, "value");
            };
            if s.owner != caller {
                return Ok(terms::error(ctx, "not_owner"));
            }
            s.owner = new;
        }
        OTP_RCVBUF => match rcvbuf {
            Some(n) if n > 0 => s.rcvbuf = n,
            _ => return invalid(ctx, "value"),
        },
        OTP_META => {
            if let Some(meta) = meta {
                s.meta = meta;
            }
        }
        OTP_RCVCTRLBUF | OTP_SNDCTRLBUF => {}
        _ => return invalid(ctx, "socket_option"),
    }
    Ok(crate::atom::atoms::ok)
}

fn get_otp(ctx: &mut Context<'_>, id: u64, number: Term) -> R {
    let number = terms::int(ctx, number)?;
    let Some(s) = ctx.vm.io.sockets.get(&id) else {
        return Ok(terms::error(ctx, "closed"));
    };
    let value = match number {
        OTP_DEBUG => terms::bool_term(s.flags.debug),
        OTP_IOW => terms::bool_term(s.flags.iow),
        OTP_USE_REGISTRY => terms::bool_term(s.flags.use_registry),
        OTP_CTRL_PROC => Term::pid(s.owner),
        OTP_RCVBUF => terms::small(s.rcvbuf as i64),
        OTP_RCVCTRLBUF | OTP_SNDCTRLBUF => terms::small(1024),
        OTP_FD => {
            use std::os::fd::AsRawFd;
            terms::small(i64::from(s.sock.as_raw_fd()))
        }
        OTP_META => {
            let (heap, t) = (&s.meta.0, s.meta.1);
            crate::heap::gc::copy_term(heap, t, &mut ctx.proc.heap)
        }
        OTP_DOMAIN => {
            let d = s.domain;
            ctx.atom(d)
        }
        _ => return invalid(ctx, "socket_option"),
    };
    Ok(terms::tagged(ctx, "ok", value))
}
