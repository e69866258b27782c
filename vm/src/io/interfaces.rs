//! `inet:getifaddrs/0` from the host's `getifaddrs(3)`, in the BEAM's shape:
//! `{ok, [{Name, [{flags, Flags}, {addr, A}, {netmask, M}, {broadaddr, B}, …,
//! {hwaddr, Bytes}]}]}`, interfaces in the order the system lists them.

use super::socket::addr;
use super::terms;
use crate::interp::{Context, Exception};
use crate::term::Term;
use nix::net::if_::InterfaceFlags;
use nix::sys::socket::{SockaddrLike, SockaddrStorage};

/// The flags the BEAM reports, in its order.
const FLAGS: &[(InterfaceFlags, &str)] = &[
    (InterfaceFlags::IFF_UP, "up"),
    (InterfaceFlags::IFF_BROADCAST, "broadcast"),
    (InterfaceFlags::IFF_LOOPBACK, "loopback"),
    (InterfaceFlags::IFF_POINTOPOINT, "pointtopoint"),
    (InterfaceFlags::IFF_RUNNING, "running"),
    (InterfaceFlags::IFF_MULTICAST, "multicast"),
];

/// `inet:getifaddrs/0`.
pub fn getifaddrs(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let list = match nix::ifaddrs::getifaddrs() {
        Ok(list) => list,
        Err(e) => return Ok(terms::os_error(ctx, &std::io::Error::from(e))),
    };
    // Name → (flags, address properties, hardware address).
    let mut interfaces: Vec<(String, InterfaceFlags, Vec<Term>, Option<Term>)> = Vec::new();
    for entry in list {
        let at = match interfaces.iter().position(|i| i.0 == entry.interface_name) {
            Some(at) => at,
            None => {
                interfaces.push((entry.interface_name.clone(), entry.flags, Vec::new(), None));
                interfaces.len() - 1
            }
        };
        let Some(address) = entry.address else {
            continue;
        };
        if let Some(link) = address.as_link_addr() {
            let bytes: Vec<Term> = link
                .addr()
                .map(|a| a.iter().map(|b| terms::small(i64::from(*b))).collect())
                .unwrap_or_default();
            interfaces[at].3 = Some(ctx.heap().list(&bytes));
            continue;
        }
        let Some(ip) = ip_term(ctx, &address) else {
            continue;
        };
        let mut props = vec![("addr", ip)];
        if let Some(mask) = entry.netmask.as_ref().and_then(|m| ip_term(ctx, m)) {
            props.push(("netmask", mask));
        }
        if entry.flags.contains(InterfaceFlags::IFF_BROADCAST) {
            if let Some(b) = entry.broadcast.as_ref().and_then(|b| ip_term(ctx, b)) {
                props.push(("broadaddr", b));
            }
        }
        if entry.flags.contains(InterfaceFlags::IFF_POINTOPOINT) {
            if let Some(d) = entry.destination.as_ref().and_then(|d| ip_term(ctx, d)) {
                props.push(("dstaddr", d));
            }
        }
        for (key, value) in props {
            let t = terms::tagged(ctx, key, value);
            interfaces[at].2.push(t);
        }
    }
    let items: Vec<Term> = interfaces
        .into_iter()
        .map(|(name, flags, mut props, hw)| {
            let names: Vec<Term> = FLAGS
                .iter()
                .filter(|(f, _)| flags.contains(*f))
                .map(|(_, n)| ctx.atom(n))
                .collect();
            let names = ctx.heap().list(&names);
            let mut all = vec![terms::tagged(ctx, "flags", names)];
            all.append(&mut props);
            if let Some(hw) = hw {
                all.push(terms::tagged(ctx, "hwaddr", hw));
            }
            let all = ctx.heap().list(&all);
            let name = crate::bif::convert::chars(ctx, &name);
            ctx.heap().tuple(&[name, all])
        })
        .collect();
    let items = ctx.heap().list(&items);
    Ok(terms::tagged(ctx, "ok", items))
}

fn ip_term(ctx: &mut Context<'_>, a: &SockaddrStorage) -> Option<Term> {
    if a.len() == 0 {
        return None;
    }
    if let Some(v4) = a.as_sockaddr_in() {
        return Some(addr::ipv4_tuple(ctx, v4.ip()));
    }
    a.as_sockaddr_in6().map(|v6| addr::ipv6_tuple(ctx, v6.ip()))
}
