//! Socket addresses as `socket` writes them: `#{family => inet, addr => {A,B,C,D},
//! port => P}`, `#{family => inet6, addr => {...8}, port, flowinfo, scope_id}`,
//! `#{family => local, path => Bin}`.

use crate::interp::Context;
use crate::io::terms;
use crate::term::Term;
use socket2::SockAddr;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// The address a `sockaddr()` map describes; `None` if it is not one.
pub fn decode(ctx: &mut Context<'_>, t: Term) -> Option<SockAddr> {
    let family = terms::get(ctx, t, "family")?;
    let family = ctx.vm.atoms.name(family.as_atom()?).to_owned();
    match family.as_str() {
        "inet" => {
            let port = port(ctx, t)?;
            let addr = terms::get(ctx, t, "addr")?;
            let ip = match atom_name(ctx, addr).as_deref() {
                Some("any") => Ipv4Addr::UNSPECIFIED,
                Some("loopback") => Ipv4Addr::LOCALHOST,
                Some("broadcast") => Ipv4Addr::BROADCAST,
                Some(_) => return None,
                None => ipv4(ctx, addr)?,
            };
            Some(SocketAddr::V4(SocketAddrV4::new(ip, port)).into())
        }
        "inet6" => {
            let port = port(ctx, t)?;
            let addr = terms::get(ctx, t, "addr")?;
            let ip = match atom_name(ctx, addr).as_deref() {
                Some("any") => Ipv6Addr::UNSPECIFIED,
                Some("loopback") => Ipv6Addr::LOCALHOST,
                Some(_) => return None,
                None => ipv6(ctx, addr)?,
            };
            let flow = terms::get(ctx, t, "flowinfo").map_or(Some(0), |f| u32_of(ctx, f))?;
            let scope = terms::get(ctx, t, "scope_id").map_or(Some(0), |s| u32_of(ctx, s))?;
            Some(SocketAddr::V6(SocketAddrV6::new(ip, port, flow, scope)).into())
        }
        "local" => {
            let path = terms::get(ctx, t, "path")?;
            let bytes = terms::bytes(ctx, path).ok()?;
            let path = std::ffi::OsStr::new(std::str::from_utf8(&bytes).ok()?);
            SockAddr::unix(path).ok()
        }
        _ => None,
    }
}

/// The `sockaddr()` map of `addr`.
pub fn encode(ctx: &mut Context<'_>, addr: &SockAddr) -> Term {
    if let Some(SocketAddr::V4(a)) = addr.as_socket() {
        let ip = ipv4_tuple(ctx, *a.ip());
        let inet = ctx.atom("inet");
        terms::atom_map(
            ctx,
            &[
                ("family", inet),
                ("addr", ip),
                ("port", terms::small(i64::from(a.port()))),
            ],
        )
    } else if let Some(SocketAddr::V6(a)) = addr.as_socket() {
        let ip = ipv6_tuple(ctx, *a.ip());
        let inet6 = ctx.atom("inet6");
        terms::atom_map(
            ctx,
            &[
                ("family", inet6),
                ("addr", ip),
                ("port", terms::small(i64::from(a.port()))),
                ("flowinfo", terms::small(i64::from(a.flowinfo()))),
                ("scope_id", terms::small(i64::from(a.scope_id()))),
            ],
        )
    } else {
        let path = addr
            .as_pathname()
            .map(|p| p.as_os_str().as_encoded_bytes().to_vec())
            .unwrap_or_default();
        let path = ctx.heap().binary(&path);
        let local = ctx.atom("local");
        terms::atom_map(ctx, &[("family", local), ("path", path)])
    }
}

/// `{A, B, C, D}`.
pub fn ipv4_tuple(ctx: &mut Context<'_>, ip: Ipv4Addr) -> Term {
    let parts = ip.octets().map(|o| terms::small(i64::from(o)));
    ctx.heap().tuple(&parts)
}

/// `{A, B, C, D, E, F, G, H}`.
pub fn ipv6_tuple(ctx: &mut Context<'_>, ip: Ipv6Addr) -> Term {
    let parts = ip.segments().map(|s| terms::small(i64::from(s)));
    ctx.heap().tuple(&parts)
}

/// An IPv4 address tuple.
pub fn ipv4(ctx: &Context<'_>, t: Term) -> Option<Ipv4Addr> {
    let parts = ctx.mem().tuple(t)?;
    let mut octets = [0u8; 4];
    if parts.len() != 4 {
        return None;
    }
    for (o, p) in octets.iter_mut().zip(parts) {
        *o = u8::try_from(p.as_small()?).ok()?;
    }
    Some(Ipv4Addr::from(octets))
}

/// An IPv6 address tuple.
pub fn ipv6(ctx: &Context<'_>, t: Term) -> Option<Ipv6Addr> {
    let parts = ctx.mem().tuple(t)?;
    let mut segments = [0u16; 8];
    if parts.len() != 8 {
        return None;
    }
    for (s, p) in segments.iter_mut().zip(parts) {
        *s = u16::try_from(p.as_small()?).ok()?;
    }
    Some(Ipv6Addr::from(segments))
}

fn port(ctx: &mut Context<'_>, t: Term) -> Option<u16> {
    let p = terms::get(ctx, t, "port").unwrap_or(Term::small(0)?);
    u16::try_from(p.as_small()?).ok()
}

fn u32_of(_ctx: &Context<'_>, t: Term) -> Option<u32> {
    u32::try_from(t.as_small()?).ok()
}

fn atom_name(ctx: &Context<'_>, t: Term) -> Option<String> {
    t.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned())
}
