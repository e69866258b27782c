//! What `nif_supports/0,1` report: the protocol, option and message-flag tables
//! `prim_socket` builds its encoders from (Linux numbers).

use super::options::{Level, OPTIONS, UNSUPPORTED};
use crate::interp::Context;
use crate::io::terms;
use crate::term::Term;

/// `SOL_SOCKET`.
const SOL_SOCKET: i64 = 1;

/// Protocols: names (the first is the canonical one) and number.
const PROTOCOLS: &[(&[&str], i64)] = &[
    (&["ip", "IP"], 0),
    (&["icmp", "ICMP"], 1),
    (&["tcp", "TCP"], 6),
    (&["udp", "UDP"], 17),
    (&["ipv6", "IPv6"], 41),
    (&["raw"], 255),
];

/// Message flags (`MSG_*`).
pub const MSG_FLAGS: &[(&str, i64)] = &[
    ("cmsg_cloexec", 0x4000_0000),
    ("confirm", 0x800),
    ("ctrunc", 0x8),
    ("dontroute", 0x4),
    ("eor", 0x80),
    ("errqueue", 0x2000),
    ("more", 0x8000),
    ("nosignal", 0x4000),
    ("oob", 0x1),
    ("peek", 0x2),
    ("trunc", 0x20),
    ("waitall", 0x100),
];

/// Features `socket:supports/0` lists.
const FEATURES: &[(&str, bool)] = &[
    ("sctp", false),
    ("ipv6", true),
    ("local", true),
    ("netns", false),
    ("sendfile", false),
];

/// `nif_supports()`.
pub fn all(ctx: &mut Context<'_>) -> Term {
    let items: Vec<Term> = FEATURES
        .iter()
        .map(|(name, on)| {
            let name = ctx.atom(name);
            ctx.heap().tuple(&[name, terms::bool_term(*on)])
        })
        .collect();
    ctx.heap().list(&items)
}

/// `nif_supports(Key)`.
pub fn key(ctx: &mut Context<'_>, key: &str) -> Term {
    match key {
        "protocols" => protocols(ctx),
        "options" => options(ctx),
        "msg_flags" => pairs(ctx, MSG_FLAGS),
        _ => Term::NIL,
    }
}

fn protocols(ctx: &mut Context<'_>) -> Term {
    let items: Vec<Term> = PROTOCOLS
        .iter()
        .map(|(names, number)| {
            let names: Vec<Term> = names.iter().map(|n| ctx.atom(n)).collect();
            let names = ctx.heap().list(&names);
            ctx.heap().tuple(&[names, terms::small(*number)])
        })
        .collect();
    ctx.heap().list(&items)
}

fn options(ctx: &mut Context<'_>) -> Term {
    let levels = [
        Level::Socket,
        Level::Ip,
        Level::Ipv6,
        Level::Tcp,
        Level::Udp,
    ];
    let items: Vec<Term> = levels
        .iter()
        .map(|level| {
            let mut opts: Vec<Term> = OPTIONS
                .iter()
                .filter(|o| o.level == *level)
                .map(|o| {
                    let name = ctx.atom(o.name);
                    ctx.heap().tuple(&[name, terms::small(o.number)])
                })
                .collect();
            opts.extend(
                UNSUPPORTED
                    .iter()
                    .filter(|(l, _)| l == level)
                    .map(|(_, name)| ctx.atom(name)),
            );
            let opts = ctx.heap().list(&opts);
            let name = ctx.atom(level.name());
            let number = terms::small(level.number().unwrap_or(SOL_SOCKET));
            if crate::release::get() >= 29 {
                // OTP 29: `{Level, LevelNumber, Options}`.
                ctx.heap().tuple(&[name, number, opts])
            } else {
                // Before: `{socket, Options}` and `{ProtocolNumber, Options}`.
                let level = if level.number().is_some() {
                    number
                } else {
                    name
                };
                ctx.heap().tuple(&[level, opts])
            }
        })
        .collect();
    ctx.heap().list(&items)
}

fn pairs(ctx: &mut Context<'_>, table: &[(&str, i64)]) -> Term {
    let items: Vec<Term> = table
        .iter()
        .map(|(name, n)| {
            let name = ctx.atom(name);
            ctx.heap().tuple(&[name, terms::small(*n)])
        })
        .collect();
    ctx.heap().list(&items)
}
