//! Name resolution through the host's resolver (`getaddrinfo`: `/etc/hosts`, then
//! DNS as the system is set up), in place of OTP's `inet_gethost` port program:
//! the natives of `inet_gethost_native:gethostbyname/2`, `gethostbyaddr/1`, and of
//! `inet:gethostname/0`.

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
