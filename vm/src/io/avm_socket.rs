//! AtomVM's own `socket` NIFs (estdlib's `socket` module, and `gen_tcp`/`gen_udp` with
//! `{inet_backend, socket}`), in device mode: what AtomVM's BSD-sockets build
//! (`otp_socket.c`, the Unix and ESP32 builds) answers, on the host's sockets.
//!
//! A socket is `{Resource, Ref}`; its descriptor lives in the descriptor table of the
//! `atomvm:posix_*` functions, so `nif_select_read(Socket, Ref)` is their select: the
//! caller gets `{select, Resource, Ref, ready_input}` once the socket is readable, or
//! `{closed, Ref}` when another process closes it. Addresses are maps
//! `#{addr => {A, B, C, D}, port => Port}` (`any` and `loopback` where a bind takes
//! them). Failures are `{error, Posix}` as AtomVM's are; a refused connection, and a
//! send to a peer that closed or reset it, are `{error, closed}` (checked against
//! AtomVM v0.6.6's Unix build).

use super::posix::{adopt, deregister, fd_id, watch};
use super::terms;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;
use socket2::{Domain, Protocol, SockAddr, SockRef, Type};
use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::os::fd::OwnedFd;

type R = Result<Term, Exception>;

/// What `nif_recv(Socket, 0)` reads at most (AtomVM's `DEFAULT_BUFFER_SIZE`).
const DEFAULT_BUFFER_SIZE: usize = 512;

fn name(ctx: &Context<'_>, t: Term) -> Option<String> {
    t.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned())
}

fn error(ctx: &mut Context<'_>, e: &std::io::Error) -> Term {
    terms::os_error(ctx, e)
}

/// The descriptor id of `{Resource, Ref}`.
fn socket_id(ctx: &Context<'_>, socket: Term) -> Result<u64, Exception> {
    let resource = match ctx.mem().tuple(socket) {
        Some(&[resource, _]) => resource,
        _ => return Err(Exception::badarg()),
    };
    fd_id(ctx, resource)
}

fn with_socket<T>(
    ctx: &Context<'_>,
    socket: Term,
    f: impl FnOnce(SockRef<'_>) -> T,
) -> Result<T, Exception> {
    let id = socket_id(ctx, socket)?;
    let fd = &ctx.vm.io.posix.get(&id).ok_or_else(Exception::badarg)?.fd;
    Ok(f(SockRef::from(fd)))
}

/// A new `{Resource, Ref}` for descriptor `fd`.
fn socket_term(ctx: &mut Context<'_>, fd: OwnedFd) -> Term {
    let resource = adopt(ctx, fd, None);
    let id = ctx.vm.fresh_id();
    let reference = ctx.heap().reference(id);
    ctx.heap().tuple(&[resource, reference])
}

/// `socket:open(Domain, Type, Protocol)`: `{ok, Socket}`.
pub fn open(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let domain = match name(ctx, args[0]).as_deref() {
        Some("inet") => Domain::IPV4,
        _ => return Err(Exception::badarg()),
    };
    let kind = match name(ctx, args[1]).as_deref() {
        Some("stream") => Type::STREAM,
        Some("dgram") => Type::DGRAM,
        _ => return Err(Exception::badarg()),
    };
    let protocol = match name(ctx, args[2]).as_deref() {
        Some("tcp") => Some(Protocol::TCP),
        Some("udp") => Some(Protocol::UDP),
        Some("ip") => None,
        _ => return Err(Exception::badarg()),
    };
    match socket2::Socket::new(domain, kind, protocol) {
        Ok(s) => {
            let socket = socket_term(ctx, OwnedFd::from(s));
            Ok(terms::tagged(ctx, "ok", socket))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// An IPv4 address term: `{A, B, C, D}`, `any` or `loopback`.
fn ipv4(ctx: &Context<'_>, t: Term) -> Result<Ipv4Addr, Exception> {
    match name(ctx, t).as_deref() {
        Some("any") => return Ok(Ipv4Addr::UNSPECIFIED),
        Some("loopback") => return Ok(Ipv4Addr::LOCALHOST),
        _ => {}
    }
    let parts = ctx.mem().tuple(t).ok_or_else(Exception::badarg)?;
    let octets: Vec<u8> = parts
        .iter()
        .map(|p| p.as_small().and_then(|n| u8::try_from(n).ok()))
        .collect::<Option<_>>()
        .ok_or_else(Exception::badarg)?;
    let [a, b, c, d] = octets[..] else {
        return Err(Exception::badarg());
    };
    Ok(Ipv4Addr::new(a, b, c, d))
}

/// A socket address: `any`, `loopback`, or `#{addr => ..., port => ...}`.
fn sockaddr(ctx: &mut Context<'_>, t: Term) -> Result<SocketAddrV4, Exception> {
    if t.as_atom().is_some() {
        return Ok(SocketAddrV4::new(ipv4(ctx, t)?, 0));
    }
    let addr = terms::get(ctx, t, "addr").ok_or_else(Exception::badarg)?;
    let port = match terms::get(ctx, t, "port") {
        Some(p) => p
            .as_small()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(Exception::badarg)?,
        None => 0,
    };
    Ok(SocketAddrV4::new(ipv4(ctx, addr)?, port))
}

/// `#{addr => {A, B, C, D}, port => Port}` (AtomVM's maps carry no `family`).
fn sockaddr_term(ctx: &mut Context<'_>, addr: &SockAddr) -> Term {
    let v4 = match addr.as_socket() {
        Some(SocketAddr::V4(v4)) => v4,
        _ => SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0),
    };
    let octets: Vec<Term> = v4
        .ip()
        .octets()
        .iter()
        .map(|o| terms::small(i64::from(*o)))
        .collect();
    let ip = ctx.heap().tuple(&octets);
    let port = terms::small(i64::from(v4.port()));
    terms::atom_map(ctx, &[("addr", ip), ("port", port)])
}

fn ok_or(ctx: &mut Context<'_>, r: std::io::Result<()>) -> Term {
    match r {
        Ok(()) => atoms::ok,
        Err(e) => error(ctx, &e),
    }
}

/// `socket:bind(Socket, Address)`.
pub fn bind(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let addr = sockaddr(ctx, args[1])?;
    let r = with_socket(ctx, args[0], |s| s.bind(&SockAddr::from(addr)))?;
    Ok(ok_or(ctx, r))
}

/// `socket:listen(Socket, Backlog)`: the socket then accepts without blocking (the
/// caller selects first).
pub fn listen(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let backlog = args[1]
        .as_small()
        .ok_or_else(Exception::badarg)?
        .clamp(0, 255) as i32;
    let r = with_socket(ctx, args[0], |s| {
        s.listen(backlog).and_then(|()| s.set_nonblocking(true))
    })?;
    Ok(ok_or(ctx, r))
}

/// `socket:connect(Socket, Address)`: blocks until connected or refused, as AtomVM's
/// BSD build does; the socket is non-blocking afterwards.
pub fn connect(ctx: &mut Context<'_>, args: &[Term]) -> R {
    if ctx.mem().map(args[1]).is_none() {
        return Err(Exception::badarg());
    }
    let addr = sockaddr(ctx, args[1])?;
    let r = with_socket(ctx, args[0], |s| {
        s.connect(&SockAddr::from(addr))
            .and_then(|()| s.set_nonblocking(true))
    })?;
    match r {
        // AtomVM reports a refused connection as `closed`.
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => Ok(terms::error(ctx, "closed")),
        r => Ok(ok_or(ctx, r)),
    }
}

/// `socket:nif_accept(Socket)`: `{ok, Connection}`.
pub fn accept(ctx: &mut Context<'_>, args: &[Term]) -> R {
    match with_socket(ctx, args[0], |s| s.accept())? {
        Ok((conn, _)) => {
            let _ = conn.set_nonblocking(true);
            let socket = socket_term(ctx, OwnedFd::from(conn));
            Ok(terms::tagged(ctx, "ok", socket))
        }
        // A connection that went before it was taken is `closed`, as AtomVM says.
        Err(e) if e.kind() == ErrorKind::ConnectionAborted => Ok(terms::error(ctx, "closed")),
        Err(e) => Ok(error(ctx, &e)),
    }
}

fn read(ctx: &mut Context<'_>, args: &[Term], from: bool) -> R {
    let len = args[1]
        .as_small()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(Exception::badarg)?;
    let size = if len == 0 { DEFAULT_BUFFER_SIZE } else { len };
    let got = with_socket(ctx, args[0], |s| {
        let peer = s.peer_addr().ok();
        crate::io::socket::nif::read(&s, size, 0).map(|(bytes, sender)| (bytes, sender.or(peer)))
    })?;
    match got {
        Ok((bytes, _)) if bytes.is_empty() && !from => Ok(terms::error(ctx, "closed")),
        Ok((bytes, peer)) => {
            let data = ctx.heap().binary(&bytes);
            let value = if from {
                let unknown = SockAddr::from(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0));
                let addr = sockaddr_term(ctx, peer.as_ref().unwrap_or(&unknown));
                ctx.heap().tuple(&[addr, data])
            } else {
                data
            };
            Ok(terms::tagged(ctx, "ok", value))
        }
        Err(e) => Ok(error(ctx, &e)),
    }
}

/// `socket:nif_recv(Socket, Length)`: `{ok, Data}` (up to `Length` bytes, or what is
/// there when 0), `{error, closed}` at the end.
pub fn recv(ctx: &mut Context<'_>, args: &[Term]) -> R {
    read(ctx, args, false)
}

/// `socket:nif_recvfrom(Socket, Length)`: `{ok, {Address, Data}}`.
pub fn recvfrom(ctx: &mut Context<'_>, args: &[Term]) -> R {
    read(ctx, args, true)
}

fn sent(ctx: &mut Context<'_>, data: &[u8], r: std::io::Result<usize>) -> Term {
    match r {
        Ok(n) if n >= data.len() => atoms::ok,
        Ok(n) => {
            let rest = ctx.heap().binary(&data[n..]);
            terms::tagged(ctx, "ok", rest)
        }
        // A connection the peer reset or closed is `closed` to a sender.
        Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe) => {
            terms::error(ctx, "closed")
        }
        Err(e) => error(ctx, &e),
    }
}

/// `socket:nif_send(Socket, Data)`: `ok`, or `{ok, Rest}` when only part went.
pub fn send(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let data = terms::bytes(ctx, args[1])?;
    let r = with_socket(ctx, args[0], |s| s.send(&data))?;
    Ok(sent(ctx, &data, r))
}

/// `socket:nif_sendto(Socket, Data, Address)`.
pub fn sendto(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let data = terms::bytes(ctx, args[1])?;
    let to = SockAddr::from(sockaddr(ctx, args[2])?);
    let r = with_socket(ctx, args[0], |s| s.send_to(&data, &to))?;
    Ok(sent(ctx, &data, r))
}

/// `socket:nif_select_read(Socket, Ref)`: `ok`; the caller then receives `{select,
/// Resource, Ref, ready_input}` once.
pub fn select_read(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket_id(ctx, args[0])?;
    let reference = terms::ref_id(ctx, args[1]).ok_or_else(Exception::badarg)?;
    watch(ctx, id, ctx.proc.pid, reference, true)
}

/// `socket:nif_select_stop(Socket)`.
pub fn select_stop(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket_id(ctx, args[0])?;
    if let Some(f) = ctx.vm.io.posix.get_mut(&id) {
        f.select = None;
    }
    Ok(atoms::ok)
}

/// `socket:close(Socket)`: `ok`; a process selecting on it gets `{closed, Ref}`.
pub fn close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = socket_id(ctx, args[0])?;
    if let Some(f) = ctx.vm.io.posix.remove(&id) {
        deregister(ctx, &f);
        if let Some((pid, reference, _)) = f.select {
            let r = ctx.heap().reference(reference);
            let closed = ctx.atom("closed");
            let message = ctx.heap().tuple(&[closed, r]);
            if pid == ctx.proc.pid {
                ctx.proc.mailbox.push(message);
            } else {
                ctx.vm.deliver(pid, message, &ctx.proc.heap);
            }
        }
    }
    Ok(atoms::ok)
}

/// `socket:sockname(Socket)` and `peername/1`: `{ok, Address}`.
fn name_of(ctx: &mut Context<'_>, socket: Term, peer: bool) -> R {
    let r = with_socket(ctx, socket, |s| {
        if peer {
            s.peer_addr()
        } else {
            s.local_addr()
        }
    })?;
    match r {
        Ok(addr) => {
            let t = sockaddr_term(ctx, &addr);
            Ok(terms::tagged(ctx, "ok", t))
        }
        Err(e) => Ok(error(ctx, &e)),
    }
}

/// `socket:sockname(Socket)`.
pub fn sockname(ctx: &mut Context<'_>, args: &[Term]) -> R {
    name_of(ctx, args[0], false)
}

/// `socket:peername(Socket)`.
pub fn peername(ctx: &mut Context<'_>, args: &[Term]) -> R {
    name_of(ctx, args[0], true)
}

/// `socket:setopt(Socket, {Level, Option}, Value)`: `{socket, reuseaddr}`,
/// `{socket, linger}` (`#{onoff, linger}`), `{socket, rcvbuf}`, `{otp, rcvbuf}` (the
/// read size of `recv/1`, accepted); another option raises `badarg`, as in AtomVM.
pub fn setopt(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let option = match ctx.mem().tuple(args[1]) {
        Some(&[level, opt]) => (name(ctx, level), name(ctx, opt)),
        _ => return Err(Exception::badarg()),
    };
    let value = args[2];
    let invalid_value = |ctx: &mut Context<'_>| Ok(terms::error(ctx, "invalid_value"));
    let r = match (option.0.as_deref(), option.1.as_deref()) {
        // Anything but `true` turns it off, as in AtomVM.
        (Some("socket"), Some("reuseaddr")) => {
            let on = value == atoms::true_;
            with_socket(ctx, args[0], |s| s.set_reuse_address(on))?
        }
        (Some("socket"), Some("linger")) => {
            let on = terms::get(ctx, value, "onoff").and_then(terms::boolean);
            let secs = terms::get(ctx, value, "linger").and_then(|t| t.as_small());
            match (on, secs.and_then(|s| u64::try_from(s).ok())) {
                (Some(on), Some(secs)) => with_socket(ctx, args[0], |s| {
                    s.set_linger(on.then(|| std::time::Duration::from_secs(secs)))
                })?,
                _ => return invalid_value(ctx),
            }
        }
        (Some("socket"), Some("rcvbuf")) => {
            match value.as_small().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => with_socket(ctx, args[0], |s| s.set_recv_buffer_size(n))?,
                None => return invalid_value(ctx),
            }
        }
        (Some("otp"), Some("rcvbuf")) => match value.as_small() {
            Some(n) if n >= 0 => Ok(()),
            _ => return invalid_value(ctx),
        },
        _ => return Err(Exception::badarg()),
    };
    Ok(ok_or(ctx, r))
}

/// `socket:shutdown(Socket, read | write | read_write)`.
pub fn shutdown(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let how = match name(ctx, args[1]).as_deref() {
        Some("read") => std::net::Shutdown::Read,
        Some("write") => std::net::Shutdown::Write,
        Some("read_write") => std::net::Shutdown::Both,
        _ => return Err(Exception::badarg()),
    };
    let r = with_socket(ctx, args[0], |s| s.shutdown(how))?;
    Ok(ok_or(ctx, r))
}

/// A host or service name: a string, a binary, or `undefined` (`None`).
fn text_or_undefined(ctx: &Context<'_>, t: Term) -> Result<Option<String>, Exception> {
    if t == atoms::undefined {
        return Ok(None);
    }
    let bytes = crate::io::file::names::name_text(ctx, t).ok_or_else(Exception::badarg)?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Exception::badarg())
}

/// `net:getaddrinfo_nif(Host, Service)`: the IPv4 addresses of `Host` as AtomVM
/// lists them — `{ok, [#{family, protocol, type, address, addr}]}`, last result first,
/// an entry without a socket type given as a `tcp` and a `udp` one, the port from
/// `Service`'s `/etc/services` entry (0 without one) — or `{error, eai...}`.
pub fn getaddrinfo(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let host = text_or_undefined(ctx, args[0])?;
    let service = text_or_undefined(ctx, args[1])?;
    if host.is_none() && service.is_none() {
        return Err(Exception::badarg());
    }
    let port = service.as_ref().map_or(0, |name| {
        super::resolve::services()
            .into_iter()
            .find(|(names, _, _)| names.contains(name))
            .map_or(0, |(_, port, _)| port)
    });
    let hints = dns_lookup::AddrInfoHints {
        address: libc_af_inet(),
        ..dns_lookup::AddrInfoHints::default()
    };
    let found = match dns_lookup::getaddrinfo(host.as_deref(), service.as_deref(), Some(hints)) {
        Ok(found) => found.filter_map(Result::ok).collect::<Vec<_>>(),
        Err(e) => {
            let reason = match e.kind() {
                dns_lookup::LookupErrorKind::Again => "eaiagain",
                dns_lookup::LookupErrorKind::Badflags => "eaibadflags",
                dns_lookup::LookupErrorKind::Fail => "eaifail",
                dns_lookup::LookupErrorKind::Family => "eaifamily",
                dns_lookup::LookupErrorKind::Memory => "eaimemory",
                dns_lookup::LookupErrorKind::NoName => "eainoname",
                dns_lookup::LookupErrorKind::Service => "eaiservice",
                dns_lookup::LookupErrorKind::Socktype => "eaisocktype",
                _ => "eaisystem",
            };
            return Ok(terms::error(ctx, reason));
        }
    };
    let mut infos = Vec::new();
    for info in found {
        let SocketAddr::V4(v4) = info.sockaddr else {
            continue;
        };
        let octets: Vec<Term> = v4
            .ip()
            .octets()
            .iter()
            .map(|o| terms::small(i64::from(*o)))
            .collect();
        let ip = ctx.heap().tuple(&octets);
        let inet = ctx.atom("inet");
        let inner = terms::atom_map(
            ctx,
            &[
                ("addr", ip),
                ("family", inet),
                ("port", terms::small(i64::from(port))),
            ],
        );
        let kinds: &[(&str, &str)] = match (info.protocol, info.socktype) {
            (0, _) | (_, 0) => &[("tcp", "stream"), ("udp", "dgram")],
            (6, 1) => &[("tcp", "stream")],
            (17, 2) => &[("udp", "dgram")],
            _ => &[("undefined", "undefined")],
        };
        for (protocol, kind) in kinds {
            let (p, k) = (ctx.atom(protocol), ctx.atom(kind));
            let m = terms::atom_map(
                ctx,
                &[
                    ("address", inner),
                    ("addr", inner),
                    ("family", inet),
                    ("protocol", p),
                    ("type", k),
                ],
            );
            infos.push(m);
        }
    }
    infos.reverse();
    let list = ctx.heap().list(&infos);
    Ok(terms::tagged(ctx, "ok", list))
}

fn libc_af_inet() -> i32 {
    nix::sys::socket::AddressFamily::Inet as i32
}
