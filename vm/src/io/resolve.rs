//! Name resolution through the host's resolver (`getaddrinfo`: `/etc/hosts`, then
//! DNS as the system is set up), in place of OTP's `inet_gethost` port program:
//! the natives of `inet_gethost_native:gethostbyname/2`, `gethostbyaddr/1`, and of
//! `inet:gethostname/0`; services from `/etc/services` (`inet:getservbyname/2`,
//! `getservbyport/2`).

use super::socket::addr;
use super::terms;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::net::IpAddr;

type R = Result<Term, Exception>;

/// `inet:gethostname/0`: `{ok, Name}`, the host name up to its first dot.
pub fn gethostname(ctx: &mut Context<'_>, _: &[Term]) -> R {
    let name = nix::unistd::gethostname()
        .ok()
        .and_then(|n| n.into_string().ok())
        .unwrap_or_else(|| "nohost.nodomain".into());
    let short = name.split('.').next().unwrap_or_default().to_owned();
    let text = crate::bif::convert::chars(ctx, &short);
    Ok(terms::tagged(ctx, "ok", text))
}

/// `inet_gethost_native:gethostbyname(Name, Family)`: `{ok, #hostent{}}` or
/// `{error, nxdomain}`.
pub fn gethostbyname(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let name = match args[0].as_atom() {
        Some(a) => ctx.vm.atoms.name(a).to_owned(),
        None => crate::bif::convert::list_text(ctx, args[0]).ok_or_else(Exception::badarg)?,
    };
    let family = args[1]
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .unwrap_or_default();
    let (af, inet6) = match family.as_str() {
        "inet" => (nix::libc::AF_INET, false),
        "inet6" => (nix::libc::AF_INET6, true),
        _ => return Err(Exception::badarg()),
    };
    let hints = dns_lookup::AddrInfoHints {
        flags: nix::libc::AI_CANONNAME,
        address: af,
        socktype: nix::libc::SOCK_STREAM,
        protocol: 0,
    };
    let Ok(found) = dns_lookup::getaddrinfo(Some(&name), None, Some(hints)) else {
        return Ok(terms::error(ctx, "nxdomain"));
    };
    let mut canonical = None;
    let mut ips: Vec<IpAddr> = Vec::new();
    for info in found.flatten() {
        if canonical.is_none() {
            canonical = info.canonname.clone();
        }
        let ip = info.sockaddr.ip();
        if !ips.contains(&ip) {
            ips.push(ip);
        }
    }
    if ips.is_empty() {
        return Ok(terms::error(ctx, "nxdomain"));
    }
    let canonical = canonical.unwrap_or(name);
    Ok(hostent(ctx, &canonical, inet6, &ips))
}

/// `inet_gethost_native:gethostbyaddr(Addr)`: the name `getnameinfo` gives.
pub fn gethostbyaddr(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let ip: IpAddr = if let Some(v4) = addr::ipv4(ctx, args[0]) {
        v4.into()
    } else if let Some(v6) = addr::ipv6(ctx, args[0]) {
        v6.into()
    } else {
        let text = crate::bif::convert::list_text(ctx, args[0]).ok_or_else(Exception::badarg)?;
        match text.parse() {
            Ok(ip) => ip,
            Err(_) => return Ok(terms::error(ctx, "formerr")),
        }
    };
    match dns_lookup::lookup_addr(&ip) {
        Ok(name) => Ok(hostent(ctx, &name, ip.is_ipv6(), &[ip])),
        Err(_) => Ok(terms::error(ctx, "nxdomain")),
    }
}

/// `{ok, {hostent, Name, [], Family, Length, Addrs}}`.
fn hostent(ctx: &mut Context<'_>, name: &str, inet6: bool, ips: &[IpAddr]) -> Term {
    let tag = ctx.atom("hostent");
    let name = crate::bif::convert::chars(ctx, name);
    let family = ctx.atom(if inet6 { "inet6" } else { "inet" });
    let length = terms::small(if inet6 { 16 } else { 4 });
    let addrs: Vec<Term> = ips
        .iter()
        .map(|ip| match ip {
            IpAddr::V4(v4) => addr::ipv4_tuple(ctx, *v4),
            IpAddr::V6(v6) => addr::ipv6_tuple(ctx, *v6),
        })
        .collect();
    let addrs = ctx.heap().list(&addrs);
    let h = ctx
        .heap()
        .tuple(&[tag, name, Term::NIL, family, length, addrs]);
    terms::tagged(ctx, "ok", h)
}

/// The entries of `/etc/services`: (name and aliases, port, protocol).
pub(super) fn services() -> Vec<(Vec<String>, u16, String)> {
    let text = std::fs::read_to_string("/etc/services").unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next()?;
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let (port, proto) = words.next()?.split_once('/')?;
            let mut names = vec![name.to_owned()];
            names.extend(words.map(str::to_owned));
            Some((names, port.parse().ok()?, proto.to_owned()))
        })
        .collect()
}

fn atom_text(ctx: &Context<'_>, t: Term) -> Result<String, Exception> {
    t.as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)
}

/// `inet:getservbyname(Name, Protocol)`: `{ok, Port}` from `/etc/services`, or
/// `{error, einval}` (as the BEAM's `inet_drv` answers).
pub fn getservbyname(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let (name, proto) = (atom_text(ctx, args[0])?, atom_text(ctx, args[1])?);
    let found = services()
        .into_iter()
        .find(|(names, _, p)| *p == proto && names.contains(&name));
    Ok(match found {
        Some((_, port, _)) => terms::tagged(ctx, "ok", terms::small(i64::from(port))),
        None => terms::error(ctx, "einval"),
    })
}

/// `inet:getservbyport(Port, Protocol)`: `{ok, Name}` or `{error, einval}`.
pub fn getservbyport(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let port = terms::int(ctx, args[0])?;
    let proto = atom_text(ctx, args[1])?;
    let found = services()
        .into_iter()
        .find(|(_, p, pr)| i64::from(*p) == port && *pr == proto);
    Ok(match found {
        Some((names, _, _)) => {
            let name = crate::bif::convert::chars(ctx, &names[0]);
            terms::tagged(ctx, "ok", name)
        }
        None => terms::error(ctx, "einval"),
    })
}
